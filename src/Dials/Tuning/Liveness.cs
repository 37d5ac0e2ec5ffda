using Dials.Storage;

namespace Dials;

/// <summary>
/// How a study keeps the trials of dead workers from staying Running forever: running trials send heartbeats, and
/// before starting a trial any worker fails the trials that went quiet (re-queuing each point once, when asked).
/// </summary>
/// <param name="Interval">Time between heartbeats.</param>
/// <param name="StaleAfter">Silence after which a running trial is failed.</param>
/// <param name="Retry">Whether a stale trial's point is queued again, once.</param>
internal sealed record Liveness(TimeSpan Interval, TimeSpan StaleAfter, bool Retry)
{
    public static Liveness? From(StudyOptions options) => options.HeartbeatInterval is { } interval
        ? new Liveness(interval, options.StaleAfter ?? interval * 4, options.RetryStaleTrials)
        : null;

    /// <summary>The reason recorded on a stale trial; also how a retry recognises a point that already went stale.</summary>
    public string StaleReason => $"its worker sent no heartbeat for {StaleAfter} (it stopped or lost its storage)";

    /// <summary>Why a stale trial's point is queued again, recorded with the trial that retries it.</summary>
    public static string RetryReason(int number) => $"retry of trial {number}, whose worker went quiet";

    /// <summary>Fails the quiet trials of the study and, with <see cref="Retry"/>, queues their points again.</summary>
    public void Recover(IStudyStorage storage, string study, DateTimeOffset now)
    {
        var stale = storage.FailStaleTrials(study, now - StaleAfter, StaleReason);
        if (!Retry || stale.Count == 0)
        {
            return;
        }

        var trials = storage.ReadTrials(study);
        foreach (var number in stale)
        {
            var point = trials[number].Point;
            var wentStaleBefore = trials.Any(t => t.Number != number && t.FailReason == StaleReason && t.Point.SequenceEqual(point));
            if (point.Count > 0 && !wentStaleBefore)
            {
                storage.Enqueue(study, point, RetryReason(number));
            }
        }
    }

    /// <summary>Sends a heartbeat for the trial every <see cref="Interval"/> until disposed. A heartbeat that fails
    /// (the storage is briefly unreachable) is skipped: the next one tries again, and a trial failed as stale by then
    /// simply has its late result refused.</summary>
    public IDisposable StartHeartbeats(IStudyStorage storage, string study, int number, TimeProvider clock) =>
        clock.CreateTimer(_ =>
        {
            try
            {
                storage.Heartbeat(study, number, clock.GetUtcNow());
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or TimeoutException)
            {
            }
        }, null, Interval, Interval);
}
