// The "training" harness: README's Quick example declares these types; the blocks marked
// <!-- snippet: training --> use them without repeating the declaration.
using Dials;

/// <summary>The optimizers the example trains with.</summary>
public enum Optimizer
{
    /// <summary>Stochastic gradient descent.</summary>
    Sgd,

    /// <summary>Adam.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
}

/// <summary>README's hyperparameters.</summary>
[Hyperparameters]
public partial record TrainingConfig
{
    [FloatRange(1e-5, 1e-1, Log = true)] public double LearningRate { get; init; } = 1e-3;
    [PowerOfTwo(16, 512)]                public int BatchSize { get; init; } = 64;
    [IntRange(5, 50, Step = 5)]          public int Epochs { get; init; } = 20;
    [Choice]                             public Optimizer Optimizer { get; init; } = Optimizer.AdamW;
    [FloatRange(0.5, 0.99), When(nameof(Optimizer), Optimizer.Sgd)]
                                         public double Momentum { get; init; } = 0.9;
    public Schedule Schedule { get; init; } = new();
}

/// <summary>A learning-rate schedule, nested in <see cref="TrainingConfig"/>.</summary>
[Hyperparameters]
public partial record Schedule
{
    [Choice("constant", "cosine", "linear")] public string Kind { get; init; } = "cosine";
    [IntRange(0, 2000, Step = 250), When(nameof(Kind), "cosine", "linear")]
    public int WarmupSteps { get; init; } = 500;
}
