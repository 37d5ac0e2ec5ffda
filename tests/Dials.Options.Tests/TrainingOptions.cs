namespace Dials.Options.Tests;

public enum Optimizer
{
    Sgd,
    AdamW,
}

[Hyperparameters]
public partial record TrainingOptions
{
    [FloatRange(1e-5, 1e-1, Log = true)]
    public double LearningRate { get; init; } = 1e-3;

    [PowerOfTwo(16, 512)]
    public int BatchSize { get; init; } = 64;

    [FloatRange(0, 0.5, Step = 0.05)]
    public double Dropout { get; init; } = 0.1;

    [Choice]
    public Optimizer Optimizer { get; init; } = Optimizer.AdamW;

    [FloatRange(0.5, 0.99), When(nameof(Optimizer), Optimizer.Sgd)]
    public double Momentum { get; init; } = 0.9;

    public WarmupOptions Warmup { get; init; } = new();
}

[Hyperparameters]
public partial record WarmupOptions
{
    [IntRange(0, 1000, Step = 100)]
    public int Steps { get; init; } = 100;
}
