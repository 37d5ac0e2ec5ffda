namespace Dials.Samplers;

/// <summary>
/// A sampler that says which strategy proposed each point and why: model-based samplers that start with a space-filling
/// phase, and the automatic sampler that picks a strategy from the space and the budget. The study calls
/// <see cref="Propose"/> instead of <see cref="ISampler.Sample"/> and records the strategy with the trial.
/// </summary>
public interface IProposingSampler : ISampler
{
    /// <summary>Proposes a point (as <see cref="ISampler.Sample"/>) together with the strategy that chose it.</summary>
    Proposal Propose(SamplingContext context);
}
