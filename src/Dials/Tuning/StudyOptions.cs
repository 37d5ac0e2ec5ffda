using Dials.Pruners;
using Dials.Samplers;
using Dials.Storage;

namespace Dials;

/// <summary>How a study searches and where it keeps its trials. Seeds belong to samplers (<c>new TpeSampler(seed: 1)</c>),
/// so the options themselves carry none.</summary>
public sealed record StudyOptions
{
    /// <summary>The study's name, unique in its storage; a study of that name found in the storage is loaded (see
    /// <see cref="LoadIfExists"/>). Null gives a fresh unique name, which suits an in-memory study.</summary>
    public string? Name { get; init; }

    private readonly Direction? direction;

    /// <summary>Whether smaller (the default) or larger objective values are better. Left unset, it reads as the first
    /// of <see cref="Directions"/> when those are given.</summary>
    public Direction Direction
    {
        get => direction ?? (Directions is [var first, ..] ? first : Direction.Minimize);
        init => direction = value;
    }

    /// <summary>One direction per objective, for a study whose objective returns several values (for example
    /// minimize error, minimize latency): the study then has a <see cref="StudyResult{T}.ParetoFront"/> rather than
    /// one best trial. Null (the default) or a single direction is an ordinary single-objective study. Setting both
    /// this and <see cref="Direction"/> is allowed only when they say the same (a single direction equal to
    /// <see cref="Direction"/>). A multi-objective study samples with a sampler that reads several objectives
    /// (<see cref="IMultiObjectiveSampler"/>: <see cref="AutoSampler"/>, the default, which uses multi-objective TPE;
    /// <see cref="TpeSampler"/>, <see cref="RandomSampler"/>, <see cref="QmcSampler"/> or <see cref="GridSampler"/>), and
    /// does not prune.</summary>
    public IReadOnlyList<Direction>? Directions { get; init; }

    /// <summary>The objectives' names, one per direction in the same order (for example <c>["rmse", "latency"]</c>), kept
    /// with the study in its storage so that reports, model cards and the <c>dials</c> command say "rmse (minimise)"
    /// rather than "objective 1 (minimise)". Each must be non-empty and distinct, and there must be one per direction
    /// (<see cref="Directions"/>, or the one <see cref="Direction"/>). Null (the default) leaves the objectives unnamed.
    /// A stored study joined with other names is refused; joined without names (null), it keeps the stored ones.</summary>
    public IReadOnlyList<string>? ObjectiveNames { get; init; }

    /// <summary>Whether <see cref="Direction"/> was set explicitly (not read through <see cref="Directions"/>).</summary>
    internal bool DirectionIsSet => direction is not null;

    /// <summary>The search strategy; null for an <see cref="AutoSampler"/> with its defaults and a random seed (a GP or
    /// TPE chosen from the space and the study's progress).</summary>
    public ISampler? Sampler { get; init; }

    /// <summary>Decides when to stop unpromising trials early; null for <see cref="NopPruner"/> (never prune).</summary>
    public IPruner? Pruner { get; init; }

    /// <summary>Ends an optimization run once more trials stop paying (for example
    /// <see cref="Stopping.NoImprovementStop"/> or <see cref="Stopping.ImprovementBelowNoiseStop"/>); its reason is kept in
    /// <see cref="StudyResult{T}.StoppedBecause"/>. Null (the default) runs until the budget, the time limit or
    /// cancellation. Single-objective studies only.</summary>
    public Stopping.IStoppingRule? StopWhen { get; init; }

    /// <summary>Where trials are kept; null for a fresh <see cref="InMemoryStorage"/>. Give a shared storage to let
    /// several study objects, threads or processes work on one study: each back end is made with its constructor
    /// (<c>new JournalStorage(path)</c>, <c>new SqliteStorage(path)</c>, ...; see <see cref="IStudyStorage"/>).</summary>
    public IStudyStorage? Storage { get; init; }

    /// <summary>Whether a study of the same name already in <see cref="Storage"/> is joined (the default) rather than
    /// refused. Its direction and search space must match.</summary>
    public bool LoadIfExists { get; init; } = true;

    /// <summary>
    /// How often a running trial tells the storage its worker is alive, from the moment the trial is created until it
    /// is told (by <see cref="Study{T}.OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>
    /// or <see cref="Study{T}.Tell(Trial, double)"/>), so the trials of a worker that dies are found and failed.
    /// Null (the default) means every 10 seconds on a durable storage (any that keeps heartbeats,
    /// <see cref="IHeartbeatStorage"/>, but the in-memory one) and none in memory, whose trials cannot outlive their
    /// process, or on a storage that keeps no heartbeats; <see cref="Timeout.InfiniteTimeSpan"/> turns heartbeats off.
    /// Setting an interval for a storage that keeps no heartbeats is refused.
    /// </summary>
    /// <remarks>A trial failed as stale does not count against the study's trial budget, so a rerun after a crash
    /// still finishes the whole budget. A rerun started before <see cref="StaleAfter"/> has passed waits, once its own
    /// trials are done, for the dead worker's trial to go stale (at most <see cref="StaleAfter"/>) and then runs the
    /// trial that replaces it.</remarks>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>How long a running trial may go without a heartbeat before any worker of the study marks it Failed as
    /// stale; null for four heartbeat intervals (40 seconds by default).</summary>
    public TimeSpan? StaleAfter { get; init; }

    /// <summary>Whether a trial failed as stale is run again, once, with the same parameters (queued ahead of new
    /// points); true by default. A point that already went stale once is not retried again, so a configuration that
    /// kills its worker cannot loop.</summary>
    public bool RetryStaleTrials { get; init; } = true;

    /// <summary>The clock for trial start times, durations, time budgets and time limits; null for the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
