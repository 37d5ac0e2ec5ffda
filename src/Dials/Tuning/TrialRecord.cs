namespace Dials;

/// <summary>
/// An immutable snapshot of one trial, as samplers, pruners, storages and results see it.
/// </summary>
/// <param name="Number">The trial's number in its study, from 0, without gaps.</param>
/// <param name="State">Where the trial is in its life.</param>
/// <param name="Point">Its parameters as internal values, one per dimension, NaN where inactive (see <see cref="SearchSpace"/>).</param>
/// <param name="Value">The objective value of a complete trial; null otherwise.</param>
/// <param name="Intermediate">The values reported part-way, in step order.</param>
/// <param name="Start">When the trial was asked for.</param>
/// <param name="Duration">How long it ran, once it has finished.</param>
/// <param name="FailReason">Why a failed trial failed.</param>
/// <param name="Strategy">The strategy that chose the point (<c>TPE</c>, <c>random start-up</c>, <see cref="QueuedStrategy"/>
/// for a queued configuration, a sampler's type name when it does not say): what an audit of the study reads. Null
/// while the trial has no point, and for trials stored before strategies were recorded.</param>
/// <param name="StrategyReason">Why that strategy chose this trial, in a sentence; null when there is nothing to add.</param>
/// <param name="Values">The objective values of a finished trial, one per objective, exactly as the study gave them
/// to the storage; null when it gave none: every trial stored before value vectors were kept, and single-objective
/// trials whose study records only <paramref name="Value"/> (see <see cref="ObjectiveValues"/> for one view of both).</param>
/// <param name="Constraints">The trial's constraint values, in the order they were set; null when none were recorded
/// (trials stored before constraints were kept included).</param>
/// <param name="CpuTime">The processor time the study's process spent on the trial while it ran: the process's CPU
/// time over the trial's run, shared equally among the trials running in that process at each moment (so parallel
/// trials are not each charged for all of it). Null when it was not measured: trials stored before it was kept, and
/// trials ended by another process (failed as stale).</param>
public sealed record TrialRecord(
    int Number,
    TrialState State,
    IReadOnlyList<double> Point,
    double? Value,
    IReadOnlyList<IntermediateValue> Intermediate,
    DateTimeOffset Start,
    TimeSpan? Duration,
    string? FailReason = null,
    string? Strategy = null,
    string? StrategyReason = null,
    IReadOnlyList<double>? Values = null,
    IReadOnlyList<ConstraintValue>? Constraints = null,
    TimeSpan? CpuTime = null)
{
    /// <summary>The strategy recorded for a trial that ran a queued configuration (<see cref="Study{T}.Enqueue"/>, or a
    /// stale trial's point queued again) rather than a sampled one.</summary>
    public const string QueuedStrategy = "queued";

    /// <summary>Whether the trial has ended, one way or another.</summary>
    public bool IsFinished => State != TrialState.Running;

    /// <summary>The objective values whichever way they were stored: <see cref="Values"/> when the trial has a vector,
    /// otherwise [<see cref="Value"/>] when it has a value, and empty when it has neither.</summary>
    public IReadOnlyList<double> ObjectiveValues => Values ?? (Value is { } value ? [value] : []);

    /// <summary>The last reported intermediate value, if any.</summary>
    public IntermediateValue? LastIntermediate => Intermediate.Count > 0 ? Intermediate[^1] : null;
}
