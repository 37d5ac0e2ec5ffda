// The "training" harness: README's Quick example declares these types (the test checks this copy against it); the
// blocks marked <!-- snippet: training --> use them without repeating the declaration.
using Dials;

public enum Optimizer { Sgd, Adam, AdamW }

[Hyperparameters]
public partial record TrainingConfig
{
    [FloatRange(1e-5, 1e-1, Log = true)] public double LearningRate { get; init; } = 1e-3;
    [PowerOfTwo(16, 512)]                public int BatchSize { get; init; } = 64;
    [IntRange(5, 50, Step = 5)]          public int Epochs { get; init; } = 20;
    [Choice]                             public Optimizer Optimizer { get; init; } = Optimizer.AdamW;
    [FloatRange(0.5, 0.99), When(nameof(Optimizer), Optimizer.Sgd)]
                                         public double Momentum { get; init; } = 0.9;
    public Schedule Schedule { get; init; } = new();   // a nested [Hyperparameters] record: Schedule.Kind, ...
}

[Hyperparameters]
public partial record Schedule
{
    [Choice("constant", "cosine", "linear")] public string Kind { get; init; } = "cosine";
    [IntRange(0, 2000, Step = 250), When(nameof(Kind), "cosine", "linear")]
    public int WarmupSteps { get; init; } = 500;
}
