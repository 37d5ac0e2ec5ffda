using Dials;

namespace Quickstart;

/// <summary>The optimizers the sample network can train with.</summary>
public enum Optimizer
{
    /// <summary>Stochastic gradient descent with momentum.</summary>
    Sgd,

    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
}

/// <summary>Hyperparameters of a small network, declared once: the generator turns them into a search space.</summary>
[Hyperparameters]
public partial record TrainingConfig
{
    /// <summary>Step size: spans orders of magnitude, so searched in log space.</summary>
    [FloatRange(1e-5, 1e-1, Log = true)]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Examples per gradient step.</summary>
    [PowerOfTwo(16, 512)]
    public int BatchSize { get; init; } = 64;

    /// <summary>Passes over the training data.</summary>
    [IntRange(5, 50, Step = 5)]
    public int Epochs { get; init; } = 20;

    /// <summary>Fraction of activations zeroed during training.</summary>
    [FloatRange(0, 0.5, Step = 0.05)]
    public double Dropout { get; init; } = 0.1;

    /// <summary>The optimizer.</summary>
    [Choice]
    public Optimizer Optimizer { get; init; } = Optimizer.AdamW;

    /// <summary>Momentum: only meaningful for SGD, so only searched when SGD is chosen.</summary>
    [FloatRange(0.5, 0.99), When(nameof(Optimizer), Optimizer.Sgd)]
    public double Momentum { get; init; } = 0.9;

    /// <summary>Learning-rate schedule, nested: its dimensions appear as Schedule.*.</summary>
    public Schedule Schedule { get; init; } = new();
}

/// <summary>A learning-rate schedule.</summary>
[Hyperparameters]
public partial record Schedule
{
    /// <summary>The shape of the schedule.</summary>
    [Choice("constant", "cosine", "linear")]
    public string Kind { get; init; } = "cosine";

    /// <summary>Steps of linear warm-up before the schedule starts.</summary>
    [IntRange(0, 2000, Step = 250), When(nameof(Kind), "cosine", "linear")]
    public int WarmupSteps { get; init; } = 500;
}
