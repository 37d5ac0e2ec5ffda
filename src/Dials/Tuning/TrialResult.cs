namespace Dials;

/// <summary>One trial of a study as its result lists it.</summary>
/// <param name="Number">The trial's number, from 0, without gaps.</param>
/// <param name="State">How it ended (or <see cref="TrialState.Running"/> for one still running elsewhere).</param>
/// <param name="Value">The objective value of a complete trial; null otherwise.</param>
/// <param name="Parameters">The active parameters by dimension name (empty for a trial not yet sampled).</param>
/// <param name="Intermediate">The values it reported part-way, in step order.</param>
/// <param name="Start">When it was asked for.</param>
/// <param name="Duration">How long it ran, once finished.</param>
/// <param name="FailReason">Why a failed trial failed.</param>
/// <param name="Strategy">The strategy that chose its point (see <see cref="TrialRecord.Strategy"/>).</param>
/// <param name="StrategyReason">Why that strategy chose it; null when there is nothing to add.</param>
public sealed record TrialResult(
    int Number,
    TrialState State,
    double? Value,
    IReadOnlyDictionary<string, object> Parameters,
    IReadOnlyList<IntermediateValue> Intermediate,
    DateTimeOffset Start,
    TimeSpan? Duration,
    string? FailReason,
    string? Strategy = null,
    string? StrategyReason = null);
