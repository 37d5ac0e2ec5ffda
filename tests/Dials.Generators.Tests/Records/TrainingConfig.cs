namespace Dials.Generators.Tests.Records;

public enum Optimizer
{
    Sgd,
    Adam,
    AdamW,
}

/// <summary>Every kind of dimension, compiled through the real generator.</summary>
[Hyperparameters]
public partial record TrainingConfig
{
    [FloatRange(1e-5, 1e-1, Log = true)]
    public double LearningRate { get; init; } = 1e-3;

    [PowerOfTwo(16, 512)]
    public int BatchSize { get; init; } = 64;

    [IntRange(1, 100, Step = 3)]
    public int Epochs { get; init; } = 10;

    [IntRange(1, 1000, Log = true)]
    public long Trees { get; init; } = 100;

    [FloatRange(0, 0.5, Step = 0.05)]
    public float Dropout { get; init; } = 0.1f;

    [Choice]
    public Optimizer Optimizer { get; init; } = Optimizer.Adam;

    [Choice("relu", "gelu")]
    public string Activation { get; init; } = "relu";

    [Choice]
    public bool UseBias { get; init; } = true;

    [Choice(0.9, 0.99, 0.999)]
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Not a dimension: never sampled, kept through decoding.</summary>
    public string RunName { get; init; } = "untuned";
}
