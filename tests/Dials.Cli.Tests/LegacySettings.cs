namespace Dials.Cli.Tests;

/// <summary>
/// The space of the studies in Fixtures/, which were written by Dials 0.1.0 when a storage kept a search space as its
/// display lines: every dimension kind (a float plain, log-scaled and on a step, an int plain, on a step and
/// log-scaled, a power of two, choices of strings, doubles, longs, bools and an enum) and a condition. It must stay as
/// it was so those studies keep matching it.
/// </summary>
[Hyperparameters]
public partial record LegacySettings
{
    [FloatRange(0, 0.5)]
    public double Dropout { get; init; } = 0.1;

    [FloatRange(1e-5, 1e-1, Log = true)]
    public double LearningRate { get; init; } = 1e-3;

    [FloatRange(0.5, 0.95, Step = 0.05)]
    public double Momentum { get; init; } = 0.9;

    [IntRange(1, 8)]
    public int Layers { get; init; } = 2;

    [IntRange(10, 100, Step = 10)]
    public int Width { get; init; } = 50;

    [IntRange(1, 1000, Log = true)]
    public long Epochs { get; init; } = 10;

    [PowerOfTwo(8, 128)]
    public int BatchSize { get; init; } = 32;

    [Choice("adam", "sgd", "rms prop,v2")]
    public string Optimizer { get; init; } = "adam";

    [Choice(0.0, 0.5, 0.99), When(nameof(Optimizer), "sgd")]
    public double Nesterov { get; init; }

    [Choice(1, 3, 5)]
    public int Kernel { get; init; } = 3;

    [Choice]
    public bool Shuffle { get; init; } = true;

    [Choice]
    public DayOfWeek Day { get; init; } = DayOfWeek.Monday;
}
