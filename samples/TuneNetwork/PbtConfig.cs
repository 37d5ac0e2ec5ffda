using Dials;

namespace TuneNetwork;

/// <summary>
/// What population-based training may change during training: the optimizer's settings, the learning rate, the batch
/// size and the regularisation. The architecture is fixed (<see cref="Width"/> x <see cref="Depth"/>), because a
/// copied checkpoint must fit the member that loads it, and there is no schedule: PBT's rounds are the schedule.
/// </summary>
[Hyperparameters]
public partial record PbtConfig
{
    /// <summary>Hidden units, fixed for every member.</summary>
    public const int Width = 128;

    /// <summary>Hidden layers, fixed for every member.</summary>
    public const int Depth = 1;

    /// <summary>"sgd" (with momentum) or "adam"; a member that switches starts the new optimizer's state afresh.</summary>
    [Choice("sgd", "adam")] public string Optimizer { get; init; } = "adam";

    /// <summary>SGD's momentum.</summary>
    [FloatRange(0, 0.99), When(nameof(Optimizer), "sgd")] public double Momentum { get; init; } = 0.9;

    /// <summary>Adam's decay of the first moment.</summary>
    [FloatRange(0.8, 0.99), When(nameof(Optimizer), "adam")] public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's decay of the second moment.</summary>
    [FloatRange(0.9, 0.9999, Log = true), When(nameof(Optimizer), "adam")] public double Beta2 { get; init; } = 0.999;

    /// <summary>The learning rate until the next round.</summary>
    [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-3;

    /// <summary>Images per mini-batch.</summary>
    [PowerOfTwo(16, 256)] public int BatchSize { get; init; } = 32;

    /// <summary>Dropout on the hidden units.</summary>
    [FloatRange(0, 0.5)] public double Dropout { get; init; } = 0.1;

    /// <summary>L2 penalty on the weights.</summary>
    [FloatRange(1e-6, 1e-2, Log = true)] public double WeightDecay { get; init; } = 1e-4;

    /// <summary>The same settings as a <see cref="NetworkConfig"/> with a constant rate, for <see cref="NetworkTraining"/>.</summary>
    public NetworkConfig ToNetwork() => NetworkConfig.SearchSpace.Default with
    {
        Optimizer = Optimizer,
        Momentum = Momentum,
        Beta1 = Beta1,
        Beta2 = Beta2,
        LearningRate = LearningRate,
        BatchSize = BatchSize,
        Width = Width,
        Depth = Depth,
        Dropout = Dropout,
        WeightDecay = WeightDecay,
        Schedule = "constant",
        WarmupFraction = 0,
    };
}
