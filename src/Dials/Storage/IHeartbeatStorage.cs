namespace Dials.Storage;

/// <summary>
/// A storage that also keeps the heartbeats of running trials, so that the trials of a worker that died (killed,
/// crashed, lost its machine) are found and failed rather than left running forever. Every durable storage implements
/// it beside <see cref="IStudyStorage"/> (<see cref="JournalStorage"/>, <c>SqliteStorage</c>, <c>PostgresStorage</c>),
/// and so does <see cref="InMemoryStorage"/>, where it recovers trials that were asked and never told.
/// </summary>
/// <remarks>
/// <para>A study uses heartbeats only on a storage that offers them: by default on every one but the in-memory storage
/// (whose trials cannot outlive their process), or as <see cref="StudyOptions.HeartbeatInterval"/> says. A storage
/// without heartbeats still runs studies; the trials of a dead worker then stay running.</para>
/// <para>The same rules as <see cref="IStudyStorage"/>: safe to call from several threads at once, and each method a
/// single atomic step.</para>
/// </remarks>
public interface IHeartbeatStorage
{
    /// <summary>Records that the worker running a trial is alive, so the trial is not failed as stale.</summary>
    /// <param name="studyName">The study.</param>
    /// <param name="number">The trial.</param>
    /// <param name="at">When the worker was alive; a heartbeat older than the trial's last sign of life changes nothing.</param>
    /// <returns>False when the trial is no longer running (for example it was failed as stale): its worker should
    /// stop it, since its result would no longer be recorded.</returns>
    /// <exception cref="InvalidOperationException">The trial is unknown.</exception>
    bool Heartbeat(string studyName, int number, DateTimeOffset at);

    /// <summary>
    /// Atomically marks Failed, with <paramref name="reason"/>, every running trial whose worker has shown no sign of
    /// life (its start or a heartbeat) since <paramref name="staleBefore"/>, recording as its duration the time from
    /// its start to its last sign of life: how a study recovers trials whose worker died.
    /// </summary>
    /// <param name="studyName">The study.</param>
    /// <param name="staleBefore">Trials silent since before this moment are failed.</param>
    /// <param name="reason">The fail reason recorded on each.</param>
    /// <returns>The numbers of the trials failed, in order.</returns>
    IReadOnlyList<int> FailStaleTrials(string studyName, DateTimeOffset staleBefore, string reason);
}
