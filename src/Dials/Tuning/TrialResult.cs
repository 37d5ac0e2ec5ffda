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
/// <param name="Values">The objective values of a complete multi-objective trial, one per objective (see
/// <see cref="TrialRecord.Values"/>); null for a single-objective trial, whose value is <paramref name="Value"/>.</param>
/// <param name="Constraints">The constraints it set (<see cref="Trial.SetConstraint"/>); null when it set none.</param>
/// <param name="CpuTime">The processor time spent on it (see <see cref="TrialRecord.CpuTime"/>); null when not measured.</param>
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
    string? StrategyReason = null,
    IReadOnlyList<double>? Values = null,
    IReadOnlyList<ConstraintValue>? Constraints = null,
    TimeSpan? CpuTime = null)
{
    /// <summary>Whether every constraint the trial set is satisfied (at most 0); true when it set none.</summary>
    public bool IsFeasible => Constraints is null || Constraints.All(c => c.Value <= 0);
}
