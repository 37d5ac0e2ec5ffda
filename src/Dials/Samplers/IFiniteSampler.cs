namespace Dials.Samplers;

/// <summary>
/// A sampler with finitely many points to propose (a grid). A study optimizing with it stops starting trials once it
/// is exhausted, except for queued configurations; <see cref="Study{T}.Ask"/> still gets points from it, which then
/// repeat.
/// </summary>
public interface IFiniteSampler : ISampler
{
    /// <summary>Whether every point the sampler can propose is already among <paramref name="trials"/> (of any
    /// state, running ones included).</summary>
    bool IsExhausted(SearchSpace space, IReadOnlyList<TrialRecord> trials);
}
