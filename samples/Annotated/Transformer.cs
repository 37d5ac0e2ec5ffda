using Dials;

namespace Annotated;

/// <summary>A small language model and how it samples text.</summary>
[Hyperparameters]
public partial record Transformer
{
    /// <summary>DIALS110: 256 and 512 do not split into 12 heads, so some trials fail to build.</summary>
    [Choice(256, 384, 512)]
    public int DModel { get; init; } = 384;

    /// <summary>Attention heads.</summary>
    [Choice(4, 8, 12)]
    public int NumHeads { get; init; } = 8;

    /// <summary>DIALS111: temperatures up to 5 sample near-uniform noise.</summary>
    [FloatRange(0.1, 5.0)]
    public double Temperature { get; init; } = 0.7;

    /// <summary>DIALS112: the default is the top of the range, so nothing above it is ever tried.</summary>
    [FloatRange(1e-5, 1e-3, Log = true)]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Patience for early stopping: with it, the long epoch range below is fine.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Not flagged: early stopping is configured.</summary>
    [IntRange(10, 200, Step = 10)]
    public int Epochs { get; init; } = 100;
}
