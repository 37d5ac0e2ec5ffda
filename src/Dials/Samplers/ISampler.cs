namespace Dials.Samplers;

/// <summary>
/// A search strategy: proposes the next point to try from the search space and the trials so far. Samplers know
/// nothing of storage or of the objective; the study asks them and records what comes back.
/// </summary>
/// <remarks>
/// Implementations take a <c>seed</c>. So that several workers (threads or processes) sharing one study do not
/// propose the same points, randomness for a trial is derived from the seed and <see cref="SamplingContext.TrialNumber"/>;
/// a sequential study with a seed is then exactly reproducible.
/// </remarks>
public interface ISampler
{
    /// <summary>Proposes a point: one internal value per dimension, within bounds and on the grid, NaN for every
    /// dimension inactive under the proposed values of its parents.</summary>
    double[] Sample(SamplingContext context);
}
