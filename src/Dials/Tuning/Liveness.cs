using Dials.Storage;

namespace Dials;

/// <summary>
/// How a study keeps the trials of dead workers from staying Running forever: running trials send heartbeats, and
/// before starting a trial any worker fails the trials that went quiet (re-queuing each point once, when asked).
/// Only on a storage that keeps heartbeats (<see cref="IHeartbeatStorage"/>), and there on by default for every storage
/// but the in-memory one (whose trials cannot outlive their process), so a rerun after a crash finds the dead worker's
/// trial, fails it and runs its point again.
/// </summary>
/// <remarks>
/// A trial failed as stale does not count against the study's budget (see <see cref="Budget"/>): it never produced a
/// result, and counting it would leave a rerun after a crash one trial short. A rerun started before
/// <see cref="StaleAfter"/> has passed cannot yet tell the dead worker's trial from a slow live one; its workers then
/// wait for the foreign running trials to finish or go stale before returning (see
/// <see cref="Study{T}"/>'s OptimizeAsync), so it still completes the whole budget, at most
/// <see cref="StaleAfter"/> later; they stop waiting after <see cref="StaleAfter"/> and one <see cref="Interval"/>,
/// when a trial still running has a live worker (a long trial, or one asked and never told).
/// </remarks>
/// <param name="Heartbeats">The study's storage, as the keeper of its heartbeats.</param>
/// <param name="Interval">Time between heartbeats.</param>
/// <param name="StaleAfter">Silence after which a running trial is failed.</param>
/// <param name="Retry">Whether a stale trial's point is queued again, once.</param>
internal sealed record Liveness(IHeartbeatStorage Heartbeats, TimeSpan Interval, TimeSpan StaleAfter, bool Retry)
{
    /// <summary>The heartbeat interval when <see cref="StudyOptions.HeartbeatInterval"/> is left null on a durable
    /// storage: short enough that a rerun after a crash waits well under a minute (four intervals) for the dead
    /// worker's trial, long enough that a heartbeat is one small write every few seconds per running trial.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>The longest interval a timer supports (about 49.7 days); a longer one is refused up front.</summary>
    public static readonly TimeSpan LongestInterval = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>How every stale reason starts, whatever the silence it names: how a study counts its stale trials.</summary>
    private const string StalePrefix = "its worker sent no heartbeat";

    /// <summary>The liveness the options ask for on this storage: null when heartbeats are off
    /// (<see cref="Timeout.InfiniteTimeSpan"/>, left null on an in-memory storage, or a storage that keeps none).</summary>
    public static Liveness? From(StudyOptions options, IStudyStorage storage)
    {
        if (storage is not IHeartbeatStorage heartbeats)
        {
            return null;
        }

        var interval = options.HeartbeatInterval ?? (storage is InMemoryStorage ? Timeout.InfiniteTimeSpan : DefaultInterval);
        return interval == Timeout.InfiniteTimeSpan ? null
            : new Liveness(heartbeats, interval, options.StaleAfter ?? interval * 4, options.RetryStaleTrials);
    }

    /// <summary>Why the options' liveness settings cannot be used (naming the option), or null when they can.</summary>
    public static string? Problem(StudyOptions options) => options switch
    {
        { HeartbeatInterval: { } beat } when beat != Timeout.InfiniteTimeSpan && (beat <= TimeSpan.Zero || beat > LongestInterval) =>
            $"StudyOptions.HeartbeatInterval must be positive and at most {LongestInterval.TotalDays:0.#} days, or Timeout.InfiniteTimeSpan for no heartbeats.",
        { Storage: { } storage and not IHeartbeatStorage, HeartbeatInterval: var beat, StaleAfter: var stale }
            when (beat is { } b && b != Timeout.InfiniteTimeSpan) || stale is not null =>
            $"StudyOptions.HeartbeatInterval and StaleAfter need a storage that keeps heartbeats (IHeartbeatStorage), which {storage.GetType().Name} does not; leave them null.",
        { HeartbeatInterval: var beat, StaleAfter: { } stale } when beat == Timeout.InfiniteTimeSpan || stale <= (beat ?? DefaultInterval) =>
            "StudyOptions.StaleAfter needs heartbeats, and must be longer than HeartbeatInterval (10 seconds when left null).",
        _ => null,
    };

    /// <summary>The reason recorded on a stale trial; also how a retry recognises a point that already went stale.</summary>
    public string StaleReason => $"{StalePrefix} for {StaleAfter} (it stopped or lost its storage)";

    /// <summary>Whether a trial was failed as stale (by any worker, whatever its <see cref="StaleAfter"/>).</summary>
    public static bool IsStale(TrialRecord trial) =>
        trial.State == TrialState.Failed && trial.FailReason?.StartsWith(StalePrefix, StringComparison.Ordinal) == true;

    /// <summary>The limit to give <see cref="IStudyStorage.CreateTrial"/> for a budget of <paramref name="budget"/>
    /// counted trials when <paramref name="stale"/> trials were failed as stale: those do not count.</summary>
    public static int Budget(int budget, int stale) => (int)Math.Min((long)budget + stale, int.MaxValue);

    /// <summary>Why a stale trial's point is queued again, recorded with the trial that retries it.</summary>
    public static string RetryReason(int number) => $"retry of trial {number}, whose worker went quiet";

    /// <summary>Fails the quiet trials of the study and, with <see cref="Retry"/>, queues their points again.</summary>
    /// <returns>How many trials were failed.</returns>
    public int Recover(IStudyStorage storage, string study, DateTimeOffset now)
    {
        // A silence longer than the clock's past (a huge StaleAfter) means nothing is ever stale.
        var staleBefore = now - DateTimeOffset.MinValue > StaleAfter ? now - StaleAfter : DateTimeOffset.MinValue;
        var stale = Heartbeats.FailStaleTrials(study, staleBefore, StaleReason);
        if (!Retry || stale.Count == 0)
        {
            return stale.Count;
        }

        var trials = storage.ReadTrials(study);
        foreach (var number in stale)
        {
            var point = trials[number].Point;
            var wentStaleBefore = trials.Any(t => t.Number != number && IsStale(t) && t.Point.SequenceEqual(point));
            if (point.Count > 0 && !wentStaleBefore)
            {
                storage.Enqueue(study, point, RetryReason(number));
            }
        }

        return stale.Count;
    }

    /// <summary>Sends a heartbeat for the trial every <see cref="Interval"/> until disposed. A heartbeat that fails
    /// (the storage is briefly unreachable) is skipped: the next one tries again, and a trial failed as stale by then
    /// simply has its late result refused.</summary>
    public IDisposable StartHeartbeats(string study, int number, TimeProvider clock) =>
        clock.CreateTimer(_ =>
        {
            try
            {
                Heartbeats.Heartbeat(study, number, clock.GetUtcNow());
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or TimeoutException)
            {
            }
        }, null, Interval, Interval);
}
