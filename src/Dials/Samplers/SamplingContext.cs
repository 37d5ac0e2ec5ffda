namespace Dials.Samplers;

/// <summary>What a sampler may look at when proposing a trial.</summary>
/// <param name="Space">The search space.</param>
/// <param name="Direction">Whether smaller or larger objective values are better.</param>
/// <param name="Trials">Every trial of the study so far, of every state, in number order; running ones (value null)
/// let a sampler steer away from points already being evaluated.</param>
/// <param name="TrialNumber">The number of the trial being proposed.</param>
public sealed record SamplingContext(SearchSpace Space, Direction Direction, IReadOnlyList<TrialRecord> Trials, int TrialNumber);
