// The "training" harness: what the examples name but leave to the reader (a study, its objective, a training step),
// in scope in every block marked <!-- snippet: training --> through the global using static below. A block that
// declares one of these names itself (var study = ...) uses its own.
global using static Docs.Harness.Placeholders;

using Dials;
using Dials.Options;

namespace Docs.Harness;

/// <summary>Stand-ins for the reader's own code and objects; their values are never looked at.</summary>
public static class Placeholders
{
    /// <summary>A study of <see cref="TrainingConfig"/>.</summary>
    public static Study<TrainingConfig> study { get; } = Study.Create<TrainingConfig>();

    /// <summary>The best configuration found.</summary>
    public static TrainingConfig best { get; } = TrainingConfig.SearchSpace.Default;

    /// <summary>The objective: trains with a configuration and returns its validation loss.</summary>
    public static Func<TrainingConfig, CancellationToken, ValueTask<double>> objective { get; } = (config, ct) => ValueTask.FromResult(config.LearningRate);

    /// <summary>A model being trained, for the learning-rate range test.</summary>
    public static Model model { get; } = new();

    /// <summary>Mini-batches of training data.</summary>
    public static Batches batches { get; } = new();

    /// <summary>Trains one epoch; returns the training loss.</summary>
    public static ValueTask<double> TrainOneEpochAsync(TrainingConfig config, CancellationToken ct) => ValueTask.FromResult(config.LearningRate);

    /// <summary>The loss on held-out data.</summary>
    public static ValueTask<double> ValidationLossAsync(TrainingConfig config, CancellationToken ct) => ValueTask.FromResult(config.LearningRate);

    /// <summary>Trains with a configuration and returns its score.</summary>
    public static ValueTask<double> TrainAndScoreAsync(TrainingConfig config, CancellationToken ct) => ValueTask.FromResult(config.LearningRate);

    /// <summary>Trains with a configuration and a seed and returns its score.</summary>
    public static ValueTask<double> TrainAsync(TrainingConfig config, int seed, CancellationToken ct) => ValueTask.FromResult(config.LearningRate + seed);

    /// <summary>Trains one mini-batch at a learning rate; returns its loss.</summary>
    public static ValueTask<double> TrainOneBatch(double rate) => ValueTask.FromResult(rate);

    /// <summary>The objective a hosted study evaluates.</summary>
    public sealed class MyObjective : ITrialObjective<TrainingConfig>
    {
        /// <inheritdoc />
        public ValueTask<double> EvaluateAsync(TrainingConfig config, Trial trial, CancellationToken cancellationToken) => ValueTask.FromResult(config.LearningRate);
    }

    /// <summary>A model with a training step.</summary>
    public sealed class Model
    {
        /// <summary>Trains one mini-batch at a learning rate; returns its loss.</summary>
        public ValueTask<double> TrainStepAsync(double[] batch, double rate, CancellationToken ct) => ValueTask.FromResult(rate * batch.Length);
    }

    /// <summary>An endless source of mini-batches.</summary>
    public sealed class Batches
    {
        /// <summary>The next mini-batch.</summary>
        public double[] Next() => [1.0];
    }
}
