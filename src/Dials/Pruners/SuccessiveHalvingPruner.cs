namespace Dials.Pruners;

/// <summary>
/// Asynchronous successive halving (ASHA, Li et al. 2020): resource levels ("rungs") grow geometrically, and a trial
/// reaching a rung goes on only if its value there is within the best 1/<c>reductionFactor</c> of all values recorded
/// at that rung so far. Nobody waits for a full cohort, so it suits parallel workers.
/// </summary>
/// <remarks>
/// <para>Rung <c>r</c> sits at step <c>minResource * reductionFactor^(minEarlyStoppingRate + r)</c>. A trial's value at
/// a rung is the first value it reported at that step or later; every trial that got that far competes, whatever its
/// state now.</para>
/// <para>The pruner keeps no state: a trial is judged at each rung its latest report crossed (steps after the
/// previous report, up to this one), so the study should ask <see cref="Trial.ShouldPrune"/> after every report. The
/// first trials to reach a rung are promoted while there are fewer than <c>reductionFactor</c> of them only if they
/// are the best so far, as in Optuna.</para>
/// </remarks>
public sealed class SuccessiveHalvingPruner : IPruner
{
    private readonly long minResource;
    private readonly int reductionFactor;
    private readonly int minEarlyStoppingRate;
    private readonly long warmupSteps;
    private readonly int minTrials;

    /// <summary>The growth of the resource from rung to rung, unless told otherwise (4, as in the ASHA paper and Optuna).</summary>
    public const int DefaultReductionFactor = 4;

    /// <summary>The smallest resource (step) a trial gets, unless told otherwise (Hyperband's too).</summary>
    public const long DefaultMinResource = 1;

    /// <summary>Creates an ASHA pruner.</summary>
    /// <param name="minResource">The step of the first rung (with <paramref name="minEarlyStoppingRate"/> 0).</param>
    /// <param name="reductionFactor">How much the resource grows from rung to rung, and the inverse of the fraction
    /// promoted.</param>
    /// <param name="minEarlyStoppingRate">Skips this many rungs: the first rung is at
    /// <c>minResource * reductionFactor^minEarlyStoppingRate</c>.</param>
    /// <param name="warmupSteps">No trial is pruned at a step below this.</param>
    /// <param name="minTrials">No pruning at a rung until this many trials (the judged one included) reached it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minResource"/> or <paramref name="minTrials"/> is
    /// not positive, <paramref name="reductionFactor"/> is below 2, or a count is negative.</exception>
    public SuccessiveHalvingPruner(long minResource = DefaultMinResource, int reductionFactor = DefaultReductionFactor, int minEarlyStoppingRate = 0,
        long warmupSteps = 0, int minTrials = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minResource);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(minEarlyStoppingRate);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minTrials);
        this.minResource = minResource;
        this.reductionFactor = reductionFactor;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
        this.warmupSteps = warmupSteps;
        this.minTrials = minTrials;
    }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context) => ShouldPrune(context, static _ => true);

    /// <summary>Judges the trial against only the trials <paramref name="competes"/> accepts (a Hyperband bracket).</summary>
    internal bool ShouldPrune(PruningContext context, Func<TrialRecord, bool> competes)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trial = context.Trial;
        if (trial.LastIntermediate is not { } last || last.Step < warmupSteps)
        {
            return false;
        }

        var previousStep = trial.Intermediate.Count > 1 ? trial.Intermediate[^2].Step : long.MinValue;
        for (var rung = 0; RungStep(rung) is { } step && step <= last.Step; rung++)
        {
            if (step <= previousStep)
            {
                continue; // judged when an earlier report crossed it
            }

            if (double.IsNaN(last.Value))
            {
                return true;
            }

            var competing = new List<double> { last.Value };
            foreach (var other in context.Trials)
            {
                if (other.Number != trial.Number && competes(other)
                    && Curves.FirstReachingStep(other, step) is { } value && !double.IsNaN(value))
                {
                    competing.Add(value);
                }
            }

            if (competing.Count >= minTrials && !IsPromotable(last.Value, competing, context.Direction))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The step of rung <paramref name="rung"/>, or null past the range of <see cref="long"/>.</summary>
    private long? RungStep(int rung)
    {
        try
        {
            var step = minResource;
            for (var i = 0; i < minEarlyStoppingRate + rung; i++)
            {
                step = checked(step * reductionFactor);
            }

            return step;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private bool IsPromotable(double value, List<double> competing, Direction direction)
    {
        // Within the best 1/eta of the values at the rung; while fewer than eta trials got there, only the best.
        var keep = Math.Max(competing.Count / reductionFactor, 1);
        competing.Sort();
        return direction == Direction.Minimize ? value <= competing[keep - 1] : value >= competing[^keep];
    }
}
