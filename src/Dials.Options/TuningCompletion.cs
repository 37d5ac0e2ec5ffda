namespace Dials.Options;

/// <summary>
/// When the hosted study is over: resolve it from dependency injection to wait for tuning before serving, or in tests.
/// <see cref="Completed"/> finishes when the study reaches its budget or time limit, when tuning is disabled, and when
/// the host stops it (the study then resumes on the next start); it faults when the study fails.
/// </summary>
public sealed class TuningCompletion
{
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Finishes when the hosted study is over (see the class remarks).</summary>
    public Task Completed => completed.Task;

    internal void Finish() => completed.TrySetResult();

    internal void Fail(Exception exception) => completed.TrySetException(exception);
}
