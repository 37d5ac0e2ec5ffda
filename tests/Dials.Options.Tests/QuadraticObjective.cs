using System.Collections.Concurrent;
using Dials.Options;

namespace Dials.Options.Tests;

/// <summary>What the tests' objective saw, and an optional hold that keeps chosen trials running until cancelled.</summary>
public sealed class ObjectiveLog
{
    public ConcurrentQueue<TrainingOptions> Seen { get; } = new();

    /// <summary>Trials at or after this call number wait for cancellation instead of returning.</summary>
    public int HoldFromCall { get; set; } = int.MaxValue;

    /// <summary>Set when the first held call has started.</summary>
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int calls;

    public int NextCall() => Interlocked.Increment(ref calls);
}

/// <summary>A deterministic bowl around LearningRate 10^-2.5 and Dropout 0.2, resolved from DI with its log.</summary>
public sealed class QuadraticObjective(ObjectiveLog log) : ITrialObjective<TrainingOptions>
{
    public async ValueTask<double> EvaluateAsync(TrainingOptions config, Trial trial, CancellationToken cancellationToken)
    {
        log.Seen.Enqueue(config);
        if (log.NextCall() >= log.HoldFromCall)
        {
            log.Holding.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Math.Pow(Math.Log10(config.LearningRate) + 2.5, 2) + Math.Pow(config.Dropout - 0.2, 2) + (config.BatchSize == 128 ? 0 : 0.1);
    }
}
