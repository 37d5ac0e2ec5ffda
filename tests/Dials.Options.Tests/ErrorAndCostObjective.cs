using System.Collections.Concurrent;
using Dials.Options;

namespace Dials.Options.Tests;

/// <summary>Two objectives resolved from DI: the tests' quadratic bowl as the error, and a cost that grows with the
/// batch size (1 at 16, 32 at 512); each evaluation is logged in trial order.</summary>
public sealed class ErrorAndCostObjective(ConcurrentQueue<(TrainingOptions Config, double Error, double Cost)> seen) : ITrialObjectives<TrainingOptions>
{
    public ValueTask<IReadOnlyList<double>> EvaluateAsync(TrainingOptions config, Trial trial, CancellationToken cancellationToken)
    {
        var error = Math.Pow(Math.Log10(config.LearningRate) + 2.5, 2) + Math.Pow(config.Dropout - 0.2, 2);
        var cost = config.BatchSize / 16.0;
        seen.Enqueue((config, error, cost));
        return ValueTask.FromResult<IReadOnlyList<double>>([error, cost]);
    }
}
