using Dials.Samplers;

namespace Dials.Pruners;

/// <summary>
/// Hyperband (Li et al. 2018) over asynchronous successive halving: several brackets of <see cref="SuccessiveHalvingPruner"/>
/// that differ in how early they may stop a trial, from the most aggressive (first rung at <c>minResource</c>) to
/// none at all, so that a space where early values mislead is still searched fairly.
/// </summary>
/// <remarks>
/// Each trial belongs to one bracket, chosen deterministically from its number (every worker agrees without talking),
/// with brackets weighted as in Hyperband so that aggressive brackets, whose trials are cheap, get more of them. A
/// trial competes only with the trials of its own bracket.
/// </remarks>
public sealed class HyperbandPruner : IPruner
{
    private readonly SuccessiveHalvingPruner[] brackets;
    private readonly double[] cumulativeWeights;

    /// <summary>The largest resource (step) a trial gets, unless told otherwise.</summary>
    public const long DefaultMaxResource = 100;

    /// <summary>The growth of the resource from rung to rung, unless told otherwise (3, as in the Hyperband paper and Optuna).</summary>
    public const int DefaultReductionFactor = 3;

    /// <summary>Creates a Hyperband pruner.</summary>
    /// <param name="maxResource">The step at which a trial is complete (its last epoch); it sets how many brackets
    /// there are.</param>
    /// <param name="minResource">The smallest step at which a trial may be stopped.</param>
    /// <param name="reductionFactor">The growth of the resource from rung to rung, and the inverse of the fraction
    /// promoted.</param>
    /// <param name="warmupSteps">No trial is pruned at a step below this.</param>
    /// <param name="minTrials">No pruning at a rung until this many trials of the bracket reached it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResource"/> is below
    /// <paramref name="minResource"/>, or another argument is out of the range <see cref="SuccessiveHalvingPruner"/> takes.</exception>
    public HyperbandPruner(long maxResource = DefaultMaxResource, long minResource = SuccessiveHalvingPruner.DefaultMinResource, int reductionFactor = DefaultReductionFactor, long warmupSteps = 0,
        int minTrials = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minResource);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResource, minResource);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        var count = 1;
        for (var resource = (double)minResource * reductionFactor; resource <= maxResource; resource *= reductionFactor)
        {
            count++;
        }

        brackets = new SuccessiveHalvingPruner[count];
        cumulativeWeights = new double[count];
        var total = 0.0;
        for (var s = 0; s < count; s++)
        {
            brackets[s] = new SuccessiveHalvingPruner(minResource, reductionFactor, minEarlyStoppingRate: s, warmupSteps, minTrials);

            // Hyperband's bracket sizes: the bracket that may stop trials at the first rung starts the most of them.
            var rungsAbove = count - 1 - s;
            total += Math.Ceiling(count * Math.Pow(reductionFactor, rungsAbove) / (rungsAbove + 1));
            cumulativeWeights[s] = total;
        }

        for (var s = 0; s < count; s++)
        {
            cumulativeWeights[s] /= total;
        }
    }

    /// <summary>The number of brackets.</summary>
    public int BracketCount => brackets.Length;

    /// <summary>The bracket of trial <paramref name="trialNumber"/>: 0 is the most aggressive.</summary>
    public int BracketOf(int trialNumber)
    {
        // A hash of the number, not the number itself, so consecutive trials spread over the brackets.
        var draw = new TrialRandom(seed: 0, trialNumber).NextDouble();
        var bracket = 0;
        while (bracket < brackets.Length - 1 && draw >= cumulativeWeights[bracket])
        {
            bracket++;
        }

        return bracket;
    }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bracket = BracketOf(context.Trial.Number);
        return brackets[bracket].ShouldPrune(context, other => BracketOf(other.Number) == bracket);
    }
}
