using Dials;

namespace Annotated;

/// <summary>Optimizer settings with ranges that reach into divergence.</summary>
[Hyperparameters]
public partial record Optimizer
{
    /// <summary>DIALS101: the range reaches 10; the code fix ends it at 1.</summary>
    [FloatRange(1e-4, 10, Log = true)]
    public double Lr { get; init; } = 1e-3;

    /// <summary>DIALS103: a momentum of 1 never forgets a gradient.</summary>
    [FloatRange(0.8, 1.0)]
    public double Momentum { get; init; } = 0.9;

    /// <summary>DIALS105: weight decay of 0.5 pulls every weight to zero.</summary>
    public double WeightDecay { get; init; } = 0.5;
}

/// <summary>Online learning: one example per step.</summary>
[Hyperparameters]
public partial record OnlineLearner
{
    /// <summary>DIALS107: a batch of one with a learning rate meant for mini-batches.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Fine for mini-batches of 32 or more, too large for single examples.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Hidden layers of the online model; tuned, and unremarkable.</summary>
    [IntRange(1, 3)]
    public int NumLayers { get; init; } = 2;
}
