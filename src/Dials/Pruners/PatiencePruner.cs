namespace Dials.Pruners;

/// <summary>
/// Early stopping on a trial's own curve: prunes when its last <c>patience</c> reports did not improve on its best
/// earlier value by more than <c>minDelta</c>. Needs no other trials, so it works from the first trial on.
/// </summary>
public sealed class PatiencePruner : IPruner
{
    private readonly int patience;
    private readonly double minDelta;
    private readonly long warmupSteps;

    /// <summary>Reports in a row without improvement tolerated, unless told otherwise.</summary>
    public const int DefaultPatience = 3;

    /// <summary>Creates a patience pruner.</summary>
    /// <param name="patience">How many reports in a row may fail to improve before the trial is pruned.</param>
    /// <param name="minDelta">How much better than the earlier best a value must be to count as an improvement.</param>
    /// <param name="warmupSteps">No trial is pruned at a step below this.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="patience"/> is not positive, or
    /// <paramref name="minDelta"/> or <paramref name="warmupSteps"/> is negative.</exception>
    public PatiencePruner(int patience = DefaultPatience, double minDelta = 0, long warmupSteps = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience);
        if (!(minDelta >= 0) || double.IsInfinity(minDelta))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "The minimum improvement must be a finite number >= 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        this.patience = patience;
        this.minDelta = minDelta;
        this.warmupSteps = warmupSteps;
    }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var curve = context.Trial.Intermediate;
        if (curve.Count <= patience || curve[^1].Step < warmupSteps)
        {
            return false;
        }

        var before = Curves.Best(curve.Take(curve.Count - patience).Select(v => v.Value), context.Direction);
        var recent = Curves.Best(curve.Skip(curve.Count - patience).Select(v => v.Value), context.Direction);
        if (double.IsNaN(recent))
        {
            return true;
        }

        if (double.IsNaN(before))
        {
            return false;
        }

        var target = context.Direction == Direction.Minimize ? before - minDelta : before + minDelta;
        return !Curves.IsBetter(recent, target, context.Direction);
    }
}
