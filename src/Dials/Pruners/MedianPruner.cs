namespace Dials.Pruners;

/// <summary>
/// Prunes a trial whose best intermediate value so far is worse than the median of the complete trials' values at
/// the same step: the <see cref="PercentilePruner"/> at 50, the usual first choice.
/// </summary>
public sealed class MedianPruner : IPruner
{
    private readonly PercentilePruner median;

    /// <summary>Creates a median pruner.</summary>
    /// <param name="startupTrials">No pruning until this many trials have completed.</param>
    /// <param name="warmupSteps">No trial is pruned at a step below this.</param>
    /// <param name="intervalSteps">Trials are judged once per interval: at the first report at or after each step
    /// <c>warmupSteps + k * intervalSteps</c>.</param>
    /// <param name="minTrials">No pruning at a step until this many complete trials reported it.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="intervalSteps"/> or
    /// <paramref name="minTrials"/> is not positive.</exception>
    public MedianPruner(int startupTrials = PercentilePruner.DefaultStartupTrials, long warmupSteps = 0, long intervalSteps = 1, int minTrials = 1)
    {
        median = new PercentilePruner(50, startupTrials, warmupSteps, intervalSteps, minTrials);
    }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context) => median.ShouldPrune(context);
}
