using Dials.Samplers;

namespace Dials.Storage;

/// <summary>
/// Where a study keeps its trials: the single source of truth that every worker (thread or process) of a study reads
/// before it samples and writes as its trials progress. The study holds no trial state of its own, so a durable back
/// end shared by several processes gives them one study.
/// </summary>
/// <remarks>
/// <para>Implementations must be safe to call from several threads at once. Every method that changes a trial is a
/// single atomic step, so that back ends shared by processes (a journal file under a lock, a database transaction)
/// can implement it without the caller's help.</para>
/// <para>The contract holds the study's facts and nothing of how a study decides: the study record, the queue of
/// points to run first, each trial's lifecycle (created, given its point, reporting, finished) and reads of them.
/// Heartbeats, for finding the trials of dead workers, are a separate interface, <see cref="IHeartbeatStorage"/>, which
/// every storage of Dials implements too. Counts and other summaries are read from <see cref="ReadTrials"/>.</para>
/// <para>Trial numbers are allocated here, never by the caller, from 0 and without gaps.</para>
/// <para>Every back end is made the same way, with its constructor: <c>new InMemoryStorage()</c> and
/// <c>new JournalStorage(path)</c> (namespace <c>Dials.Storage</c>, in the core package), <c>new SqliteStorage(path)</c>
/// (<c>Dials.Storage.Sqlite</c>) and <c>new PostgresStorage(connectionString)</c> (<c>Dials.Storage.Postgres</c>).
/// Constructors rather than one static factory class, because the database back ends live in packages of their own
/// that the core cannot reference, so a factory in the core could never name them all; because a constructor is where a
/// C# reader looks first and shows the concrete type, whose own members (<see cref="JournalStorage.Damage"/>,
/// <c>SqliteStorage.FilePath</c>) and <see cref="IDisposable"/> (for <c>using</c>) stay in view; and because no
/// type then needs a name like its namespace's, which would force <c>Storage.Storage</c> or fail in an application with
/// a <c>Storage</c> namespace of its own. A spec string (<c>journal:PATH</c>, <c>sqlite:PATH</c>, <c>postgres:...</c>)
/// is opened by <see cref="StudyStorageOpeners.Open"/> (or <c>StorageSpec.Open</c> in <c>Dials.Options</c>), with the
/// opener each database package registers.</para>
/// </remarks>
public interface IStudyStorage
{
    /// <summary>Creates the study, or returns the stored one when a study of that name exists and
    /// <paramref name="loadIfExists"/> is set. The caller compares what comes back with what it expected.</summary>
    /// <param name="study">The name, direction and search-space signature of the study to create.</param>
    /// <param name="loadIfExists">Whether an existing study of that name is returned rather than refused.</param>
    /// <returns>The stored study: <paramref name="study"/> itself when it was created.</returns>
    /// <exception cref="InvalidOperationException">The study exists and <paramref name="loadIfExists"/> is false.</exception>
    StoredStudy CreateStudy(StoredStudy study, bool loadIfExists);

    /// <summary>Queues a point for a future trial; queued points are handed out first, oldest first, by
    /// <see cref="CreateTrial"/> and <see cref="CreateQueuedTrial"/>, and the trial that runs one records the strategy
    /// <see cref="TrialRecord.QueuedStrategy"/> with <paramref name="reason"/>.</summary>
    /// <param name="studyName">The study.</param>
    /// <param name="point">The point, one internal value per dimension (NaN where inactive).</param>
    /// <param name="reason">Why it was queued (a baseline, a retry of a trial whose worker died); null when there is
    /// nothing to add.</param>
    void Enqueue(string studyName, IReadOnlyList<double> point, string? reason);

    /// <summary>
    /// Atomically allocates the next trial number and records a <see cref="TrialState.Running"/> trial under it, with
    /// the oldest queued point when there is one (the trial then has its point) and an empty point otherwise (the
    /// caller samples one and calls <see cref="SetTrialPoint"/>).
    /// </summary>
    /// <param name="studyName">The study.</param>
    /// <param name="start">When the trial starts.</param>
    /// <param name="limit">When set, no trial is created once the study holds this many trials of any state: the
    /// study's total budget, checked in the same step as the allocation so that concurrent workers never overshoot.</param>
    /// <returns>The new trial, or null when <paramref name="limit"/> is reached.</returns>
    NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit);

    /// <summary>
    /// Like <see cref="CreateTrial"/>, and when no queued point is handed out, gives the new trial the point
    /// <paramref name="sample"/> proposes, in the same step where the storage can (one append under the journal's lock,
    /// one lock of the in-memory storage): a worker whose proposals are cheap then takes the writers' lock once to
    /// start a trial rather than twice, which is most of what several workers on one file wait for when trials are short.
    /// </summary>
    /// <param name="studyName">The study.</param>
    /// <param name="start">When the trial starts.</param>
    /// <param name="limit">As for <see cref="CreateTrial"/>.</param>
    /// <param name="sample">Given the new trial's number and the study's trials (the new one may be among them, without a
    /// point), returns the point to record, or null to leave the trial without one (the caller then records why, as after
    /// <see cref="CreateTrial"/>). It may run while the storage holds its lock: it must be quick, must not throw, and
    /// must not call the storage.</param>
    /// <returns>The new trial (its <see cref="NewTrial.QueuedPoint"/> set when a queued point was handed out and
    /// <paramref name="sample"/> was not called), or null when <paramref name="limit"/> is reached.</returns>
    /// <exception cref="ArgumentException">The proposal has no point or names no strategy (as
    /// <see cref="SetTrialPoint"/> refuses): the storages of Dials then record nothing.</exception>
    /// <remarks>The default implementation is <see cref="CreateTrial"/>, a read of the trials and
    /// <see cref="SetTrialPoint"/>, one after the other (a refused proposal then leaves the trial without a point).</remarks>
    NewTrial? CreateSampledTrial(string studyName, DateTimeOffset start, int? limit, TrialSampler sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var created = CreateTrial(studyName, start, limit);
        if (created is { QueuedPoint: null } && TrialSampling.Propose(sample, created.Number, ReadTrials(studyName)) is { } proposal)
        {
            SetTrialPoint(studyName, created.Number, proposal.Point, proposal.Strategy, proposal.Reason);
        }

        return created;
    }

    /// <summary>
    /// Like <see cref="CreateTrial"/>, but only for a queued point: atomically takes the oldest queued point and records
    /// a <see cref="TrialState.Running"/> trial for it, or creates nothing when nothing is queued. How a worker whose
    /// sampler has nothing left to propose still runs the points queued for the study, without racing other workers
    /// for them.
    /// </summary>
    /// <param name="studyName">The study.</param>
    /// <param name="start">When the trial starts.</param>
    /// <param name="limit">As for <see cref="CreateTrial"/>.</param>
    /// <returns>The new trial, with its queued point, or null when nothing is queued or <paramref name="limit"/> is
    /// reached.</returns>
    NewTrial? CreateQueuedTrial(string studyName, DateTimeOffset start, int? limit);

    /// <summary>Records the point sampled for a running trial created without one, with the strategy that chose it.</summary>
    /// <param name="studyName">The study.</param>
    /// <param name="number">The trial.</param>
    /// <param name="point">The point, one internal value per dimension (NaN where inactive).</param>
    /// <param name="strategy">A short name of the strategy that chose the point (see <see cref="TrialRecord.Strategy"/>).</param>
    /// <param name="strategyReason">Why that strategy chose it; null when there is nothing to add.</param>
    /// <exception cref="InvalidOperationException">The trial is unknown, has finished or already has a point.</exception>
    /// <exception cref="ArgumentException"><paramref name="strategy"/> is empty.</exception>
    void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point, string strategy, string? strategyReason);

    /// <summary>Records an intermediate value of a running trial.</summary>
    /// <exception cref="InvalidOperationException">The trial is unknown or has finished.</exception>
    /// <exception cref="ArgumentException">The step is not after the trial's last reported step.</exception>
    void ReportIntermediate(string studyName, int number, IntermediateValue value);

    /// <summary>Ends a running trial, exactly once.</summary>
    /// <param name="studyName">The study.</param>
    /// <param name="number">The trial.</param>
    /// <param name="state">Complete, Pruned or Failed.</param>
    /// <param name="value">The objective value of a complete trial; null otherwise.</param>
    /// <param name="duration">How long the trial ran.</param>
    /// <param name="failReason">Why a failed trial failed.</param>
    /// <param name="values">The trial's objective values, one per objective, kept exactly as given (every double bit
    /// for bit, NaN and infinities included, and any count: whether they suit the study is the study's concern) and
    /// read back as <see cref="TrialRecord.Values"/>; null to record none, as single-objective studies may.</param>
    /// <param name="constraints">The trial's constraint values, kept in order exactly as given and read back as
    /// <see cref="TrialRecord.Constraints"/>; null to record none.</param>
    /// <param name="cpuTime">The processor time spent on the trial (<see cref="TrialRecord.CpuTime"/>); null when not measured.</param>
    /// <returns>False, changing nothing, when the trial had already finished (another worker or a time limit ended it).</returns>
    /// <exception cref="InvalidOperationException">The trial is unknown.</exception>
    bool FinishTrial(
        string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason,
        IReadOnlyList<double>? values = null, IReadOnlyList<ConstraintValue>? constraints = null, TimeSpan? cpuTime = null);

    /// <summary>Every study in the storage, ordered by name: what tools that inspect a storage (the <c>dials</c>
    /// command) list, and how they find a study's direction and search space without the code that created it.</summary>
    IReadOnlyList<StoredStudy> ListStudies();

    /// <summary>A snapshot of every trial of the study, in number order, running ones included.</summary>
    IReadOnlyList<TrialRecord> ReadTrials(string studyName);
}

/// <summary>Proposes the point of a trial just created by <see cref="IStudyStorage.CreateSampledTrial"/>.</summary>
/// <param name="number">The new trial's number.</param>
/// <param name="trials">The study's trials in number order: every one before the new trial, which may itself be
/// among them, without a point.</param>
/// <returns>The point to record with its strategy, or null to record none.</returns>
public delegate Proposal? TrialSampler(int number, IReadOnlyList<TrialRecord> trials);
