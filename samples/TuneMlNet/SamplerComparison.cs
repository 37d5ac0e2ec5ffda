using Dials.Catalogs;
using System.Diagnostics;
using System.Globalization;
using Dials;
using Dials.ML.Trainers;
using Dials.Storage;
using Spectre.Console;

namespace TuneMlNet;

/// <summary>
/// The benchmark behind docs/benchmarks.md (<c>--compare SEEDS --samplers a,b</c>): for each seed, a fresh split, then
/// one in-memory study per sampler with the same trial budget, folds and pruner; then ONE evaluation of the seed's test
/// split scoring every sampler's winner and the defaults together. Prints a Markdown row per seed and sampler, then a
/// summary per sampler and the first sampler against each other one.
/// </summary>
/// <remarks>
/// "Trials to 1 %" is, per seed, the number of trials (counting the defaults as trial 1, and pruned trials) after which
/// a study's best CV score is within 1 % of the best CV score ANY of the seed's studies found at the full budget; a
/// study that never gets there shows "&gt;budget". The CV columns are a study's best complete score after 25, 50, 100
/// and 200 trials (those within the budget).
/// </remarks>
public static class SamplerComparison
{
    /// <summary>The budgets at which the best CV score is read.</summary>
    private static readonly int[] Checkpoints = [25, 50, 100, 200];

    /// <summary>The relative tolerances of "trials to within X % of the best".</summary>
    private static readonly double[] Tolerances = [0.01, 0.005];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Runs <paramref name="seeds"/> seeds (settings.Seed, settings.Seed + 1, ...) of the named samplers;
    /// returns the exit code. Usage errors go to <paramref name="errors"/>.</summary>
    public static async Task<int> RunAsync(TuneSettings settings, IReadOnlyList<string> samplers, int seeds, IAnsiConsole console,
        TextWriter errors)
    {
        if (seeds < 1)
        {
            errors.WriteLine("error: --compare needs at least one seed.");
            return TuneCommand.UsageError;
        }

        if (samplers.Count == 0 || samplers.Any(s => SamplerCatalog.All.Find(s) is null)
            || samplers.Distinct(StringComparer.OrdinalIgnoreCase).Count() != samplers.Count)
        {
            errors.WriteLine($"error: --samplers takes distinct names from {string.Join(", ", SamplerCatalog.All.Names)}, separated by commas.");
            return TuneCommand.UsageError;
        }

        // Markdown rows must not wrap at the terminal's width.
        var width = console.Profile.Width;
        console.Profile.Width = 1000;
        try
        {
            await CompareAsync(settings, samplers, seeds, console);
        }
        finally
        {
            console.Profile.Width = width;
        }

        return 0;
    }

    private static async Task CompareAsync(TuneSettings settings, IReadOnlyList<string> samplers, int seeds, IAnsiConsole console)
    {
        var metric = Dials.ML.Tuning.TaskMetric.DefaultFor(settings.Task);
        var checkpoints = Checkpoints.Where(c => c < settings.Trials).Append(settings.Trials).ToArray();
        console.WriteLine($"{metric.Name} ({(metric.Direction == Direction.Minimize ? "lower" : "higher")} is better), {settings.Trials} trials per study, {settings.Folds}-fold CV, median pruning; "
            + "trials to X % = trials until the study's best CV is within X % of the best CV any of the seed's studies found; "
            + "test = the seed's sealed split, evaluated once for all models; study s and CPU s = wall and CPU seconds of the study; sampler s = wall seconds in its sampler alone.");
        console.WriteLine(string.Create(Inv, $"| Seed | Sampler | {string.Join(" | ", Tolerances.Select(t => $"Trials to {t * 100:0.#} %"))} | {string.Join(" | ", checkpoints.Select(c => $"CV @{c}"))} | Test | Pruned | Study s | Study CPU s | Sampler s |"));
        console.WriteLine($"|{string.Concat(Enumerable.Repeat("---|", 7 + Tolerances.Length + checkpoints.Length))}");
        var rows = new List<Row>();
        var defaults = new List<double>();
        for (var seed = settings.Seed; seed < settings.Seed + seeds; seed++)
        {
            var run = TuningRun.Prepare(settings, seed);
            var studies = new List<(string Label, StudyResult<TrainerSearch> Result, double Seconds, double CpuSeconds, double SamplerSeconds)>();
            foreach (var name in samplers)
            {
                var kind = SamplerCatalog.All.Find(name)!;
                var label = kind.Label;
                var sampler = new TimedSampler(kind.Create(new SamplerSettings { Seed = seed }));
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var result = await run.OptimizeAsync(run.CreateStudy($"compare-{seed}", sampler, new InMemoryStorage()), settings.Trials, settings.Timeout, progress: null);
                // The studies run one after another, so the process's CPU time over one is that study's (LightGbm's
                // threads included): on a shared machine it moves less with the neighbours' load than wall time does.
                studies.Add((label, result, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, sampler.Elapsed.TotalSeconds));
            }

            var test = FinalComparison.Evaluate(run, [.. studies.Select(s => (s.Label, s.Result.Best.Config)), ("defaults", run.Space.Default)]);
            var best = studies.Select(s => s.Result.Best.Value).Aggregate((a, b) => metric.IsBetter(b, a) ? b : a);
            foreach (var (label, result, seconds, cpuSeconds, samplerSeconds) in studies)
            {
                var curve = new BestSoFar(result.Trials, metric.Direction);
                var row = new Row(seed, label, [.. Tolerances.Select(t => curve.TrialsToReach(BestSoFar.Within(best, t, metric.Direction)))],
                    [.. checkpoints.Select(c => curve.After(c) ?? double.NaN)], test[label],
                    result.Trials.Count(t => t.State == TrialState.Pruned), seconds, cpuSeconds, samplerSeconds);
                rows.Add(row);
                console.WriteLine(string.Create(Inv,
                    $"| {seed} | {label} | {string.Join(" | ", row.TrialsTo.Select(n => Trials(n, settings.Trials)))} | {string.Join(" | ", row.Cv.Select(v => $"{v:F2}"))} | {row.Test:F2} | {row.Pruned} | {row.Seconds:F0} | {row.CpuSeconds:F0} | {row.SamplerSeconds:F1} |"));
            }

            defaults.Add(test["defaults"]);
            console.WriteLine(string.Create(Inv,
                $"| {seed} | defaults | {string.Concat(Enumerable.Repeat("- | ", Tolerances.Length + checkpoints.Length))}{test["defaults"]:F2} | - | - | - | - |"));
        }

        Summarise(console, rows, defaults, checkpoints, settings.Trials, metric.IsBetter);
    }

    private static void Summarise(IAnsiConsole console, List<Row> rows, List<double> defaults, int[] checkpoints, int budget,
        Func<double, double, bool> isBetter)
    {
        console.WriteLine();
        console.WriteLine(string.Create(Inv, $"| Sampler | {string.Join(" | ", Tolerances.Select(t => $"Trials to {t * 100:0.#} % (median; reached)"))} | {string.Join(" | ", checkpoints.Select(c => $"CV @{c} (mean)"))} | Test (mean) | Pruned (mean) | Study s (mean) | Study CPU s (mean) | Sampler s (mean) |"));
        console.WriteLine($"|{string.Concat(Enumerable.Repeat("---|", 6 + Tolerances.Length + checkpoints.Length))}");
        var labels = rows.Select(r => r.Sampler).Distinct().ToList();
        foreach (var label in labels)
        {
            var mine = rows.Where(r => r.Sampler == label).ToList();
            var reach = Enumerable.Range(0, Tolerances.Length).Select(i =>
            {
                var counts = mine.Select(r => r.TrialsTo[i]).ToList();
                return $"{Trials(Median(counts), budget)}; {counts.Count(c => c is not null)}/{counts.Count}";
            });
            console.WriteLine(string.Create(Inv,
                $"| {label} | {string.Join(" | ", reach)} | {string.Join(" | ", Enumerable.Range(0, checkpoints.Length).Select(i => $"{mine.Average(r => r.Cv[i]):F2}"))} | {mine.Average(r => r.Test):F2} | {mine.Average(r => r.Pruned):F0} | {mine.Average(r => r.Seconds):F0} | {mine.Average(r => r.CpuSeconds):F0} | {mine.Average(r => r.SamplerSeconds):F1} |"));
        }

        // A blank line ends the Markdown table, so the sentences below are not read as rows of it.
        console.WriteLine();
        console.WriteLine(string.Create(Inv, $"Defaults on test: {defaults.Average():F2} (mean)."));
        var first = labels[0];
        foreach (var other in labels.Skip(1))
        {
            var pairs = rows.Where(r => r.Sampler == first).Zip(rows.Where(r => r.Sampler == other)).ToList();
            for (var i = 0; i < Tolerances.Length; i++)
            {
                var sooner = pairs.Count(p => Sooner(p.First.TrialsTo[i], p.Second.TrialsTo[i]));
                var later = pairs.Count(p => Sooner(p.Second.TrialsTo[i], p.First.TrialsTo[i]));
                console.WriteLine(string.Create(Inv, $"{first} against {other} over {pairs.Count} seeds: within {Tolerances[i] * 100:0.#} % sooner in {sooner}, later in {later}, at the same trial (or neither) in {pairs.Count - sooner - later}."));
            }

            console.WriteLine(string.Create(Inv, $"{first} against {other}: better CV @{checkpoints[^1]} in {pairs.Count(p => isBetter(p.First.Cv[^1], p.Second.Cv[^1]))}, "
                + $"better test in {pairs.Count(p => isBetter(p.First.Test, p.Second.Test))}; wall time {pairs.Sum(p => p.First.Seconds) / pairs.Sum(p => p.Second.Seconds):F1}x, "
                + $"CPU time {pairs.Sum(p => p.First.CpuSeconds) / pairs.Sum(p => p.Second.CpuSeconds):F1}x {other}'s (all seeds together)."));
        }
    }

    /// <summary>Whether <paramref name="a"/> got there in fewer trials than <paramref name="b"/> (never getting there is
    /// the most trials).</summary>
    private static bool Sooner(int? a, int? b) => a is { } x && (b is not { } y || x < y);

    /// <summary>The median trial count, a study that never got there counting as more than any that did; null when
    /// that places the median among those.</summary>
    private static int? Median(List<int?> counts)
    {
        var sorted = counts.Select(c => c ?? int.MaxValue).Order().ToList();
        var middle = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] / 2.0) + (sorted[sorted.Count / 2] / 2.0);
        return middle >= int.MaxValue / 2 ? null : (int)Math.Round(middle, MidpointRounding.AwayFromZero);
    }

    private static string Trials(int? count, int budget) => count is { } n ? n.ToString(Inv) : $">{budget}";

    private sealed record Row(int Seed, string Sampler, int?[] TrialsTo, double[] Cv, double Test, int Pruned, double Seconds, double CpuSeconds, double SamplerSeconds);
}
