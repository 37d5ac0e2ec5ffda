using System.Diagnostics;
using System.Globalization;
using Dials;
using Dials.ML.Trainers;
using Dials.Samplers;
using Spectre.Console;

namespace TuneMlNet;

/// <summary>
/// The benchmark behind docs/benchmarks.md (<c>--compare SEEDS</c>): for each seed, a fresh split, then TPE and random
/// search with the same trial budget, folds and pruner, each in its own in-memory study; then ONE evaluation of the
/// seed's test split scoring the TPE winner, the random-search winner and the defaults together. Prints a Markdown
/// table per seed and the means.
/// </summary>
public static class SamplerComparison
{
    /// <summary>Runs <paramref name="seeds"/> seeds (settings.Seed, settings.Seed + 1, ...); returns the exit code.</summary>
    public static async Task<int> RunAsync(TuneSettings settings, int seeds, IAnsiConsole console)
    {
        if (seeds < 1)
        {
            console.MarkupLine("[red]error:[/] --compare needs at least one seed.");
            return TuneCommand.UsageError;
        }

        var rows = new List<(int Seed, double TpeCv, double RandomCv, double TpeTest, double RandomTest, double DefaultTest, double Seconds)>();
        var inv = CultureInfo.InvariantCulture;
        console.WriteLine($"{TaskMetricName(settings)}, {settings.Trials} trials per study, {settings.Folds}-fold CV; test = the seed's sealed split, evaluated once for all three models.");
        console.WriteLine("| Seed | CV TPE | CV random | Test TPE | Test random | Test defaults | s |");
        console.WriteLine("|---|---|---|---|---|---|---|");
        for (var seed = settings.Seed; seed < settings.Seed + seeds; seed++)
        {
            var clock = Stopwatch.StartNew();
            var run = TuningRun.Prepare(settings.Data, settings.Label, settings.Task, seed, settings.Folds);
            var tpe = await TuneAsync(run, new TpeSampler(seed: seed), settings, seed);
            var random = await TuneAsync(run, new RandomSampler(seed: seed), settings, seed);
            var test = FinalComparison.Evaluate(run, [("tpe", tpe.Best.Config), ("random", random.Best.Config), ("defaults", LightGbmParameters.SearchSpace.Default)]);
            var row = (seed, tpe.Best.Value, random.Best.Value, test["tpe"], test["random"], test["defaults"], clock.Elapsed.TotalSeconds);
            rows.Add(row);
            console.WriteLine(string.Create(inv, $"| {seed} | {row.Item2:F2} | {row.Item3:F2} | {row.Item4:F2} | {row.Item5:F2} | {row.Item6:F2} | {row.Item7:F0} |"));
        }

        console.WriteLine(string.Create(inv,
            $"| mean | {rows.Average(r => r.TpeCv):F2} | {rows.Average(r => r.RandomCv):F2} | {rows.Average(r => r.TpeTest):F2} | {rows.Average(r => r.RandomTest):F2} | {rows.Average(r => r.DefaultTest):F2} | {rows.Average(r => r.Seconds):F0} |"));
        var better = TaskMetricIsLowerBetter(settings) ? (Func<double, double, bool>)((a, b) => a < b) : (a, b) => a > b;
        console.WriteLine($"TPE better than random on CV in {rows.Count(r => better(r.TpeCv, r.RandomCv))}/{rows.Count} seeds, on test in {rows.Count(r => better(r.TpeTest, r.RandomTest))}/{rows.Count}; tuned (TPE) better than defaults on test in {rows.Count(r => better(r.TpeTest, r.DefaultTest))}/{rows.Count}.");
        return 0;
    }

    private static Task<StudyResult<LightGbmParameters>> TuneAsync(TuningRun run, ISampler sampler, TuneSettings settings, int seed)
    {
        var study = run.CreateStudy($"compare-{seed}", sampler, Dials.Storage.Storage.InMemory());
        return run.OptimizeAsync(study, settings.Trials, settings.Timeout, _ => { });
    }

    private static string TaskMetricName(TuneSettings settings) => Dials.ML.Tuning.TaskMetric.DefaultFor(settings.Task).Name;

    private static bool TaskMetricIsLowerBetter(TuneSettings settings) =>
        Dials.ML.Tuning.TaskMetric.DefaultFor(settings.Task).Direction == Direction.Minimize;
}
