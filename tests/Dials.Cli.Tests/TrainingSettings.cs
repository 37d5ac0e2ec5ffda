namespace Dials.Cli.Tests;

public enum Optimizer
{
    Sgd,
    AdamW,
}

/// <summary>A generated space with every kind the CLI prints: a log float, a power of two, an enum choice, a
/// conditional dimension, and a nested record (dotted names) holding an int on a grid, a bool and a string choice.</summary>
[Hyperparameters]
public partial record TrainingSettings
{
    [FloatRange(1e-4, 1e-1, Log = true)]
    public double LearningRate { get; init; } = 1e-3;

    [PowerOfTwo(16, 256)]
    public int BatchSize { get; init; } = 32;

    [Choice]
    public Optimizer Optimizer { get; init; } = Optimizer.AdamW;

    [FloatRange(0.5, 0.99), When(nameof(Optimizer), Optimizer.Sgd)]
    public double Momentum { get; init; } = 0.9;

    public ScheduleSettings Schedule { get; init; } = new();
}

[Hyperparameters]
public partial record ScheduleSettings
{
    [IntRange(0, 1000, Step = 100)]
    public int WarmupSteps { get; init; } = 100;

    [Choice]
    public bool Cosine { get; init; } = true;

    [Choice("linear", "step, then \"flat\"")]
    public string Decay { get; init; } = "linear";
}
