using Dials;

namespace TuneNetwork;

/// <summary>
/// The network's hyperparameters: the optimizer with its own settings (momentum only for SGD, the betas only for
/// Adam), a log-scale learning rate, a power-of-two batch size, the training length, the architecture, the
/// regularisation, and the learning-rate schedule with its warmup. The defaults are a sensible hand-picked network.
/// </summary>
[Hyperparameters]
public partial record NetworkConfig
{
    /// <summary>"sgd" (with momentum) or "adam".</summary>
    [Choice("sgd", "adam")] public string Optimizer { get; init; } = "adam";

    /// <summary>SGD's momentum (heavy ball).</summary>
    [FloatRange(0, 0.99), When(nameof(Optimizer), "sgd")] public double Momentum { get; init; } = 0.9;

    /// <summary>Adam's decay of the first moment.</summary>
    [FloatRange(0.8, 0.99), When(nameof(Optimizer), "adam")] public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's decay of the second moment.</summary>
    [FloatRange(0.9, 0.9999, Log = true), When(nameof(Optimizer), "adam")] public double Beta2 { get; init; } = 0.999;

    /// <summary>The peak learning rate (reached at the end of warmup).</summary>
    [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-3;

    /// <summary>Images per mini-batch.</summary>
    [PowerOfTwo(16, 256)] public int BatchSize { get; init; } = 32;

    /// <summary>Passes over the training rows.</summary>
    [IntRange(5, MaxEpochs, Step = 5)] public int Epochs { get; init; } = 20;

    /// <summary>Units in each hidden layer.</summary>
    [PowerOfTwo(16, 256)] public int Width { get; init; } = 64;

    /// <summary>Hidden layers.</summary>
    [IntRange(1, 3)] public int Depth { get; init; } = 1;

    /// <summary>The probability of zeroing a hidden unit while training (inverted dropout).</summary>
    [FloatRange(0, 0.5)] public double Dropout { get; init; } = 0.1;

    /// <summary>L2 penalty on the weights (not the biases), added to their gradient.</summary>
    [FloatRange(1e-6, 1e-2, Log = true)] public double WeightDecay { get; init; } = 1e-4;

    /// <summary>The decay after warmup: "cosine" to zero, or "step" (a tenth at half and at three quarters of training).</summary>
    [Choice("cosine", "step")] public string Schedule { get; init; } = "cosine";

    /// <summary>The share of training spent warming the rate up linearly from near zero.</summary>
    [FloatRange(0, 0.3)] public double WarmupFraction { get; init; } = 0.1;

    /// <summary>The longest training the space allows: Hyperband's maximum resource.</summary>
    public const int MaxEpochs = 40;
}
