namespace Dials.Pruners;

/// <summary>
/// Prunes a trial whose best intermediate value so far is worse than a given percentile of the complete trials'
/// values at the same step: with 25, only trials in the best quarter at every checked step survive.
/// </summary>
/// <remarks>
/// A trial is judged at its last reported step, using its best value over all steps so far (so one noisy epoch does
/// not end a trial that was doing well), against the complete trials that reported that same step. A NaN best value
/// is pruned at once.
/// </remarks>
public sealed class PercentilePruner : IPruner
{
    private readonly double percentile;
    private readonly int startupTrials;
    private readonly long warmupSteps;
    private readonly long intervalSteps;
    private readonly int minTrials;

    /// <summary>The percentile a trial must beat, unless told otherwise.</summary>
    public const double DefaultPercentile = 25;

    /// <summary>Trials finished before any is pruned, unless told otherwise (the median pruner's too).</summary>
    public const int DefaultStartupTrials = 5;

    /// <summary>Creates a percentile pruner.</summary>
    /// <param name="percentile">The percentile (0 to 100, in the study's direction) a trial must stay within: 50 keeps
    /// the better half, 25 the best quarter.</param>
    /// <param name="startupTrials">No pruning until this many trials have completed.</param>
    /// <param name="warmupSteps">No trial is pruned at a step below this.</param>
    /// <param name="intervalSteps">Trials are judged once per interval: at the first report at or after each step
    /// <c>warmupSteps + k * intervalSteps</c>.</param>
    /// <param name="minTrials">No pruning at a step until this many complete trials reported it.</param>
    /// <exception cref="ArgumentOutOfRangeException">The percentile is outside [0, 100], a count is negative, or
    /// <paramref name="intervalSteps"/> or <paramref name="minTrials"/> is not positive.</exception>
    public PercentilePruner(double percentile = DefaultPercentile, int startupTrials = DefaultStartupTrials, long warmupSteps = 0, long intervalSteps = 1,
        int minTrials = 1)
    {
        if (!(percentile is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "The percentile must be in [0, 100].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(startupTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalSteps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minTrials);
        this.percentile = percentile;
        this.startupTrials = startupTrials;
        this.warmupSteps = warmupSteps;
        this.intervalSteps = intervalSteps;
        this.minTrials = minTrials;
    }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Trial.LastIntermediate is not { } last || last.Step < warmupSteps || !IsFirstReportOfInterval(context.Trial))
        {
            return false;
        }

        var complete = context.Trials.Where(t => t.State == TrialState.Complete && t.Number != context.Trial.Number).ToList();
        if (complete.Count < startupTrials)
        {
            return false;
        }

        var best = Curves.Best(context.Trial.Intermediate.Select(v => v.Value), context.Direction);
        if (double.IsNaN(best))
        {
            return true;
        }

        var others = complete.Select(t => Curves.ValueAt(t, last.Step)).OfType<double>().Where(v => !double.IsNaN(v)).ToList();
        if (others.Count < minTrials)
        {
            return false;
        }

        // "Within the best p %" reads from the good end: the low end when minimizing, the high end when maximizing.
        return context.Direction == Direction.Minimize
            ? best > Curves.Percentile(others, percentile)
            : best < Curves.Percentile(others, 100 - percentile);
    }

    /// <summary>Whether the last report is the first at or after a judging step <c>warmupSteps + k * intervalSteps</c>,
    /// so trials reporting off the interval's grid are still judged once per interval.</summary>
    private bool IsFirstReportOfInterval(TrialRecord trial)
    {
        var curve = trial.Intermediate;
        var boundary = (curve[^1].Step - warmupSteps) / intervalSteps * intervalSteps + warmupSteps;
        return curve.Count < 2 || curve[^2].Step < boundary;
    }
}
