namespace Dials;

/// <summary>
/// Runs the objective for one trial and turns whatever happens into a <see cref="TrialOutcome"/>: its value(s), a prune,
/// an exception, a time limit or a cancellation. Nothing the objective does escapes, so one bad trial never stops
/// the study.
/// </summary>
internal static class ObjectiveRunner
{
    public static Task<TrialOutcome> RunAsync<T>(
        Func<T, Trial, CancellationToken, ValueTask<TrialOutcome>> objective, Trial<T> trial, TimeSpan? timeLimit,
        TimeProvider clock, CancellationToken cancellationToken) =>
        // A limit no timer can hold (TimeSpan.MaxValue, "10675199 days" in a settings file) is no limit: refusing it
        // would fail every trial for a setting that means "never", and a timer would throw for it.
        timeLimit is { } limit && limit <= Liveness.LongestInterval
            ? RunWithTimeLimitAsync(objective, trial, limit, clock, cancellationToken)
            : ClassifyAsync(() => objective(trial.Config, trial, cancellationToken), cancellationToken, cancellationToken, null);

    private static async Task<TrialOutcome> RunWithTimeLimitAsync<T>(
        Func<T, Trial, CancellationToken, ValueTask<TrialOutcome>> objective, Trial<T> trial, TimeSpan timeLimit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeLimit, clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);

        // On a thread of its own, so the worker can walk away from an objective that ignores its token: the late
        // result is dropped (the trial is already recorded as failed) and its exception observed. A thread costs tens
        // of microseconds, nothing next to a trial that needs a time limit.
        var run = Task.Factory.StartNew(
                () => objective(trial.Config, trial, stop.Token).AsTask(),
                CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default)
            .Unwrap();
        var outcome = await ClassifyAsync(() => new ValueTask<TrialOutcome>(run.WaitAsync(stop.Token)), stop.Token, cancellationToken, timeLimit)
            .ConfigureAwait(false);
        if (!run.IsCompleted)
        {
            _ = run.ContinueWith(static t => t.Exception, TaskScheduler.Default);
        }

        return outcome;
    }

    private static async Task<TrialOutcome> ClassifyAsync(Func<ValueTask<TrialOutcome>> run, CancellationToken stop,
        CancellationToken caller, TimeSpan? timeLimit)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (TrialPrunedException)
        {
            return TrialOutcome.Pruned;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return TrialOutcome.Failed(caller.IsCancellationRequested
                ? "the study was cancelled while it ran"
                : $"it exceeded its time limit of {timeLimit}");
        }
        catch (Exception exception)
        {
            return TrialOutcome.Failed($"the objective threw {exception.GetType().Name}: {exception.Message}");
        }
    }
}
