namespace Dials;

/// <summary>
/// Runs the objective for one trial and turns whatever happens into a <see cref="TrialOutcome"/>: a value, a prune,
/// an exception, a time limit or a cancellation. Nothing the objective does escapes, so one bad trial never stops
/// the study.
/// </summary>
internal static class ObjectiveRunner
{
    public static async Task<TrialOutcome> RunAsync<T>(
        Func<T, Trial, CancellationToken, ValueTask<double>> objective, Trial<T> trial, TimeSpan? timeLimit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        using var limit = timeLimit is { } span ? new CancellationTokenSource(span, clock) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);

        // On the thread pool, so that a synchronous, CPU-bound objective neither blocks the worker loop nor keeps
        // the time limit from being noticed.
        var run = Task.Run(async () => await objective(trial.Config, trial, stop.Token).ConfigureAwait(false), CancellationToken.None);
        try
        {
            // WaitAsync gives up on an objective that ignores its token; its late result is dropped (the trial is
            // already recorded as failed) and its exception observed below.
            return TrialOutcome.FromValue(await run.WaitAsync(stop.Token).ConfigureAwait(false));
        }
        catch (TrialPrunedException)
        {
            return TrialOutcome.Pruned;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _ = run.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            return TrialOutcome.Failed(cancellationToken.IsCancellationRequested
                ? "the study was cancelled while it ran"
                : $"it exceeded its time limit of {timeLimit}");
        }
        catch (Exception exception)
        {
            return TrialOutcome.Failed($"the objective threw {exception.GetType().Name}: {exception.Message}");
        }
    }
}
