using Dials;

namespace TuneMlNet;

/// <summary>
/// A study's best complete value after each trial, in trial order: the curve a sampler comparison reads its scores at
/// fixed budgets and its trials-to-target from. Pruned and failed trials count as spent trials but have no value.
/// </summary>
public sealed class BestSoFar
{
    private readonly double?[] best;
    private readonly Direction direction;

    /// <summary>Builds the curve of <paramref name="trials"/> (numbered from 0 without gaps, as a study's result lists them).</summary>
    public BestSoFar(IReadOnlyList<TrialResult> trials, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(trials);
        this.direction = direction;
        best = new double?[trials.Count];
        double? running = null;
        foreach (var trial in trials.OrderBy(t => t.Number))
        {
            if (trial is { State: TrialState.Complete, Value: { } value } && (running is null || IsBetter(value, running.Value)))
            {
                running = value;
            }

            best[trial.Number] = running;
        }
    }

    /// <summary>The trials the curve covers.</summary>
    public int Count => best.Length;

    /// <summary>The best complete value among the first <paramref name="trials"/> trials (all of them when the study
    /// is shorter); null when none of them completed.</summary>
    public double? After(int trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        return best.Length == 0 ? null : best[Math.Min(trials, best.Length) - 1];
    }

    /// <summary>The fewest trials after which the best value is as good as <paramref name="target"/>; null when the
    /// study never got there.</summary>
    public int? TrialsToReach(double target)
    {
        for (var n = 0; n < best.Length; n++)
        {
            if (best[n] is { } value && (value == target || IsBetter(value, target)))
            {
                return n + 1;
            }
        }

        return null;
    }

    /// <summary>The value within <paramref name="tolerance"/> (relative: 0.01 is 1 %) of <paramref name="best"/> on the
    /// worse side: a minimised RMSE of 54 with 1 % gives 54.54.</summary>
    public static double Within(double best, double tolerance, Direction direction) =>
        direction == Direction.Minimize ? best + (Math.Abs(best) * tolerance) : best - (Math.Abs(best) * tolerance);

    private bool IsBetter(double a, double b) => direction == Direction.Minimize ? a < b : a > b;
}
