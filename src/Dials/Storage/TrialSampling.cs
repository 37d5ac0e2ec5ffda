using Dials.Samplers;

namespace Dials.Storage;

/// <summary>How every storage asks a <see cref="TrialSampler"/> for a new trial's point
/// (<see cref="IStudyStorage.CreateSampledTrial"/>): the proposal is checked as <see cref="IStudyStorage.SetTrialPoint"/>
/// checks a point, before anything is recorded.</summary>
internal static class TrialSampling
{
    /// <summary>The proposal of <paramref name="sample"/> for trial <paramref name="number"/>, or null for none.</summary>
    /// <exception cref="ArgumentException">The proposal has no point or names no strategy.</exception>
    public static Proposal? Propose(TrialSampler sample, int number, IReadOnlyList<TrialRecord> trials)
    {
        if (sample(number, trials) is not { } proposal)
        {
            return null;
        }

        if (proposal.Point is null || string.IsNullOrWhiteSpace(proposal.Strategy))
        {
            throw new ArgumentException(
                $"The proposal for trial {number} has {(proposal.Point is null ? "no point" : "no strategy")}; a sampled point is recorded with the strategy that chose it.",
                nameof(sample));
        }

        return proposal;
    }
}
