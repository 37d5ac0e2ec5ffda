using Microsoft.Extensions.Logging.Console;
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

// Warnings and errors go to stderr, so stdout holds only the service's information lines.
builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Warning);

using var host = builder.Build();
try
{
    // The checks ValidateOnStart makes inside StartAsync, made first: there a failure is also logged as "Hosting
    // failed to start" with its stack trace.
    if (host.Services.GetService<IAsyncStartupValidator>() is { } validator)
    {
        await validator.ValidateAsync(CancellationToken.None);
    }
}
catch (Exception e) when (e is OptionsValidationException
                           || (e is AggregateException all && all.InnerExceptions.All(i => i is OptionsValidationException)))
{
    // A bad configuration is the operator's to fix, not a crash: one line naming every bad key, on stderr, and exit
    // code 2, instead of an unhandled exception's stack trace and an abort.
    var problems = e is AggregateException many ? many.InnerExceptions.Select(i => i.Message) : [e.Message];
    Console.Error.WriteLine("error: invalid configuration: " + string.Join(" ", problems));
    return 2;
}

await host.RunAsync();
return 0;
