using System.Diagnostics;
using Dials;
using Dials.Options;
using Dials.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TunedService.Compare;

/// <summary>
/// One tuning run of the service, in-process: its appsettings.json and its registrations (as Program.cs makes them,
/// less the worker that serves), with tuning enabled, the sampler and seed under test, and a fresh journal file.
/// What runs is the hosted study the service runs, objective, pruner and parallelism included.
/// </summary>
public static class ServiceRun
{
    /// <summary>Runs the study to its budget and returns its trials and the wall seconds it took.</summary>
    /// <param name="sampler">The <c>Tuning:Sampler:Kind</c> (Auto, Tpe, Gp, Random, ...).</param>
    /// <param name="seed">The <c>Tuning:Sampler:Seed</c>.</param>
    /// <param name="overrides">Further <c>Tuning:</c> settings from the command line.</param>
    /// <param name="folder">Where the run's journal and tuned layer go.</param>
    public static async Task<(IReadOnlyList<TrialRecord> Trials, double Seconds)> TuneAsync(string sampler, int seed,
        IReadOnlyDictionary<string, string?> overrides, string folder)
    {
        var journal = Path.Combine(folder, $"{sampler}-{seed}.jsonl");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("appsettings.json", optional: false);
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tuning:Enabled"] = "true",
            ["Tuning:Sampler:Kind"] = sampler,
            ["Tuning:Sampler:Seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tuning:Storage"] = "journal:" + journal,
            ["Tuning:Output"] = Path.Combine(folder, $"{sampler}-{seed}.json"),
        });
        builder.Services.AddHyperparameters<RankingOptions>(builder.Configuration.GetSection("Ranking"));
        builder.Services.AddTuning<RankingOptions, SyntheticObjective>(builder.Configuration.GetSection("Tuning"));
        using var host = builder.Build();
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        await host.Services.GetRequiredService<TuningCompletion>().Completed;
        var seconds = clock.Elapsed.TotalSeconds;
        await host.StopAsync();
        return (new JournalStorage(journal).ReadTrials(builder.Configuration["Tuning:Study"] ?? "ranking"), seconds);
    }
}
