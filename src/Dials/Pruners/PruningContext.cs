namespace Dials.Pruners;

/// <summary>What a pruner may look at.</summary>
/// <param name="Direction">Whether smaller or larger values are better.</param>
/// <param name="Trials">Every trial of the study, of every state, in number order (the current one included).</param>
/// <param name="Trial">The running trial being judged, with its intermediate values so far.</param>
public sealed record PruningContext(Direction Direction, IReadOnlyList<TrialRecord> Trials, TrialRecord Trial);
