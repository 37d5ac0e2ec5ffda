using System.Globalization;
using Dials;

namespace TunedService.Compare;

/// <summary>One study of the comparison, reduced to what the table shows.</summary>
/// <param name="Seed">The sampler's seed.</param>
/// <param name="Sampler">The sampler kind.</param>
/// <param name="TrialsTo">Per target: the trials asked (in trial-number order, pruned ones included) until the best
/// complete loss was at or below it; null when it never was.</param>
/// <param name="Best">Per checkpoint: the best complete loss among the first that many trials.</param>
/// <param name="Pruned">Trials pruned.</param>
/// <param name="Strategies">How many trials each strategy proposed, most first.</param>
/// <param name="Seconds">Wall seconds of the study.</param>
public sealed record ComparisonRow(int Seed, string Sampler, int?[] TrialsTo, double[] Best, int Pruned, string Strategies, double Seconds)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Reduces a study's trials (numbered from 0 without gaps).</summary>
    public static ComparisonRow Of(int seed, string sampler, IReadOnlyList<TrialRecord> trials, double[] targets, int[] checkpoints, double seconds)
    {
        // best[n] = the best complete loss among trials 0..n; trials finish out of order under parallelism, but the
        // budget they spend is counted by number.
        var best = new double[trials.Count];
        var running = double.PositiveInfinity;
        foreach (var trial in trials.OrderBy(t => t.Number))
        {
            if (trial is { State: TrialState.Complete, Value: { } value })
            {
                running = Math.Min(running, value);
            }

            best[trial.Number] = running;
        }

        int? To(double target) => Array.FindIndex(best, b => b <= target) is var at and >= 0 ? at + 1 : null;
        var strategies = string.Join(", ", trials.GroupBy(t => t.Strategy ?? "unrecorded")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
        return new ComparisonRow(seed, sampler, [.. targets.Select(To)], [.. checkpoints.Select(c => best[Math.Min(c, best.Length) - 1])],
            trials.Count(t => t.State == TrialState.Pruned), strategies, seconds);
    }

    /// <summary>The row as a Markdown table row.</summary>
    public string Markdown(int budget) => string.Create(Inv,
        $"| {Seed} | {Sampler} | {string.Join(" | ", TrialsTo.Select(n => Trials(n, budget)))} | {string.Join(" | ", Best.Select(b => $"{b:F3}"))} | {Pruned} | {Strategies} | {Seconds:F1} |");

    /// <summary>Writes the summary per sampler (median trials-to, mean best losses) and the first sampler against each
    /// other one, seed by seed.</summary>
    public static void Summarise(IReadOnlyList<ComparisonRow> rows, double[] targets, int[] checkpoints, TextWriter output)
    {
        var budget = checkpoints[^1];
        output.WriteLine($"| Sampler | {string.Join(" | ", targets.Select(t => $"Trials to <= {t:0.###} (median; reached)"))} | {string.Join(" | ", checkpoints.Select(c => $"Best @{c} (mean)"))} | Pruned (mean) | s (mean) |");
        output.WriteLine($"|{string.Concat(Enumerable.Repeat("---|", 3 + targets.Length + checkpoints.Length))}");
        var samplers = rows.Select(r => r.Sampler).Distinct().ToList();
        foreach (var sampler in samplers)
        {
            var mine = rows.Where(r => r.Sampler == sampler).ToList();
            var reach = Enumerable.Range(0, targets.Length).Select(i =>
                $"{Trials(Median([.. mine.Select(r => r.TrialsTo[i])]), budget)}; {mine.Count(r => r.TrialsTo[i] is not null)}/{mine.Count}");
            output.WriteLine(string.Create(Inv,
                $"| {sampler} | {string.Join(" | ", reach)} | {string.Join(" | ", Enumerable.Range(0, checkpoints.Length).Select(i => $"{mine.Average(r => r.Best[i]):F3}"))} | {mine.Average(r => r.Pruned):F1} | {mine.Average(r => r.Seconds):F1} |"));
        }

        // A blank line ends the Markdown table, so the sentences below are not read as rows of it.
        output.WriteLine();
        foreach (var other in samplers.Skip(1))
        {
            var pairs = rows.Where(r => r.Sampler == samplers[0]).Zip(rows.Where(r => r.Sampler == other)).ToList();
            for (var i = 0; i < targets.Length; i++)
            {
                var sooner = pairs.Count(p => Sooner(p.First.TrialsTo[i], p.Second.TrialsTo[i]));
                var later = pairs.Count(p => Sooner(p.Second.TrialsTo[i], p.First.TrialsTo[i]));
                output.WriteLine(string.Create(Inv,
                    $"{samplers[0]} against {other} over {pairs.Count} seeds, loss <= {targets[i]:0.###}: sooner in {sooner}, later in {later}, same trial (or neither) in {pairs.Count - sooner - later}."));
            }

            output.WriteLine(string.Create(Inv,
                $"{samplers[0]} against {other}: lower best loss @{budget} in {pairs.Count(p => p.First.Best[^1] < p.Second.Best[^1])} of {pairs.Count} seeds."));
        }
    }

    /// <summary>Whether <paramref name="a"/> got there in fewer trials than <paramref name="b"/> (never is the most).</summary>
    private static bool Sooner(int? a, int? b) => a is { } x && (b is not { } y || x < y);

    /// <summary>The median, a study that never got there counting as more than any that did; null when that places the
    /// median among those.</summary>
    private static int? Median(int?[] counts)
    {
        var sorted = counts.Select(c => c ?? int.MaxValue).Order().ToList();
        var middle = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] / 2.0) + (sorted[sorted.Count / 2] / 2.0);
        return middle >= int.MaxValue / 2 ? null : (int)Math.Round(middle, MidpointRounding.AwayFromZero);
    }

    private static string Trials(int? count, int budget) => count is { } n ? n.ToString(Inv) : $">{budget}";
}
