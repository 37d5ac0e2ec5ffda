using Microsoft.Extensions.Options;
using TunedService;

var builder = Host.CreateApplicationBuilder(args);

// The tuned layer goes over appsettings.json; the command line is added again after it so that --Ranking:...
// still wins over tuned values.
builder.Configuration.AddTunedHyperparameters(builder.Configuration["Tuning:Output"] ?? "tuned/ranking.json");
builder.Configuration.AddCommandLine(args);

builder.Services.AddHyperparameters<RankingOptions>(builder.Configuration.GetSection("Ranking"));
builder.Services.AddTuning<RankingOptions, SyntheticObjective>(builder.Configuration.GetSection("Tuning"));
builder.Services.AddHostedService<RankingWorker>();

try
{
    await builder.Build().RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    // A bad configuration is the operator's to fix, not a crash: one line naming each bad key (ValidateOnStart
    // reports them all at once), on stderr, and exit code 2, instead of an unhandled exception's stack trace.
    Console.Error.WriteLine("error: invalid configuration: " + e.Message);
    return 2;
}
