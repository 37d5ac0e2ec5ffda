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
/// is opened by <c>StorageSpec.Open</c> in <c>Dials.Options</c>.</para>
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
    /// <see cref="CreateTrial"/>, and the trial that runs one records the strategy <see cref="TrialRecord.QueuedStrategy"/>
    /// with <paramref name="reason"/>.</summary>
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
    /// <param name="queuedOnly">When set, a trial is created only for a queued point (the sampler has nothing left to
    /// propose).</param>
    /// <returns>The new trial, or null when <paramref name="limit"/> is reached or nothing is queued under
    /// <paramref name="queuedOnly"/>.</returns>
    NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit, bool queuedOnly);

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
    /// <returns>False, changing nothing, when the trial had already finished (another worker or a time limit ended it).</returns>
    /// <exception cref="InvalidOperationException">The trial is unknown.</exception>
    bool FinishTrial(string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason);

    /// <summary>Records that the worker running a trial is alive, so the trial is not failed as stale.</summary>
    /// <returns>False when the trial is no longer running (for example it was failed as stale): its worker should
    /// stop it, since its result would no longer be recorded.</returns>
    /// <exception cref="InvalidOperationException">The trial is unknown.</exception>
    bool Heartbeat(string studyName, int number, DateTimeOffset at);

    /// <summary>
    /// Atomically marks Failed, with <paramref name="reason"/>, every running trial whose worker has shown no sign of
    /// life (its start or a heartbeat) since <paramref name="staleBefore"/>: how a study recovers trials whose worker
    /// died (killed, crashed, lost its machine).
    /// </summary>
    /// <returns>The numbers of the trials failed.</returns>
    IReadOnlyList<int> FailStaleTrials(string studyName, DateTimeOffset staleBefore, string reason);

    /// <summary>Every study in the storage, ordered by name: what tools that inspect a storage (the <c>dials</c>
    /// command) list, and how they find a study's direction and search space without the code that created it.</summary>
    IReadOnlyList<StoredStudy> ListStudies();

    /// <summary>A snapshot of every trial of the study, in number order, running ones included.</summary>
    IReadOnlyList<TrialRecord> ReadTrials(string studyName);

    /// <summary>The number of trials of the study that have finished (complete, pruned or failed).</summary>
    int CountFinished(string studyName);
}
