using TunedService;

var builder = Host.CreateApplicationBuilder(args);

// The tuned layer goes over appsettings.json; the command line is added again after it so that --Ranking:...
// still wins over tuned values.
builder.Configuration.AddTunedHyperparameters(builder.Configuration["Tuning:Output"] ?? "tuned/ranking.json");
builder.Configuration.AddCommandLine(args);

builder.Services.AddHyperparameters<RankingOptions>(builder.Configuration.GetSection("Ranking"));
builder.Services.AddTuning<RankingOptions, SyntheticObjective>(builder.Configuration.GetSection("Tuning"));
builder.Services.AddHostedService<RankingWorker>();

await builder.Build().RunAsync();
