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
    string? StrategyReason = null)
{
    /// <summary>The strategy recorded for a trial that ran a queued configuration (<see cref="Study{T}.Enqueue"/>, or a
    /// stale trial's point queued again) rather than a sampled one.</summary>
    public const string QueuedStrategy = "queued";

    /// <summary>Whether the trial has ended, one way or another.</summary>
    public bool IsFinished => State != TrialState.Running;

    /// <summary>The last reported intermediate value, if any.</summary>
    public IntermediateValue? LastIntermediate => Intermediate.Count > 0 ? Intermediate[^1] : null;
}
