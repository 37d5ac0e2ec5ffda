using Dials.Generated;

namespace Dials.Testing;

/// <summary>A small configuration: a float, an int and a choice.</summary>
public sealed record Toy(double X, long N, string Kind);

/// <summary>A configuration with every dimension kind, log scales, steps and conditional dimensions.</summary>
public sealed record Mixed(string Optimizer, double Momentum, double Beta, long Batch, long Layers, double LearningRate,
    double Dropout);

/// <summary>Hand-built search spaces, as the generator would build them, shared by the study tests and the sampler
/// tests.</summary>
public static class TestSpaces
{
    public static SearchSpace<Toy> Toy() => new(
        [Dimension.Float("X", -5, 5), Dimension.Int("N", 1, 10), Dimension.Categorical("Kind", ["a", "b"])],
        () => new Toy(0, 1, "a"),
        (config, i) => i switch { 0 => config.X, 1 => config.N, _ => config.Kind },
        (point, d) => new Toy(DecodeHelpers.Double(point[0], d.X), DecodeHelpers.Int64(point[1], d.N),
            DecodeHelpers.Choice(point[2], ["a", "b"], d.Kind)));

    /// <summary>Optimizer (sgd | adam) controls Momentum (sgd only) and Beta (adam only, log); Batch is a power of
    /// two; Layers an int on a step of 2; LearningRate a log float; Dropout a float on a step of 0.1.</summary>
    public static SearchSpace<Mixed> Mixed() => new(
        [
            Dimension.Categorical("Optimizer", ["sgd", "adam"]),
            Dimension.Float("Momentum", 0, 0.99, condition: new DimensionCondition("Optimizer", [0])),
            Dimension.Float("Beta", 1e-4, 1e-1, log: true, condition: new DimensionCondition("Optimizer", [1])),
            Dimension.PowerOfTwo("Batch", 16, 256),
            Dimension.Int("Layers", 2, 8, step: 2),
            Dimension.Float("LearningRate", 1e-5, 1, log: true),
            Dimension.Float("Dropout", 0, 0.5, step: 0.1),
        ],
        () => new Mixed("sgd", 0.9, 0.01, 32, 2, 1e-3, 0.1),
        (config, i) => i switch
        {
            0 => config.Optimizer,
            1 => config.Momentum,
            2 => config.Beta,
            3 => config.Batch,
            4 => config.Layers,
            5 => config.LearningRate,
            _ => config.Dropout,
        },
        (point, d) => new Mixed(
            DecodeHelpers.Choice(point[0], ["sgd", "adam"], d.Optimizer),
            DecodeHelpers.Double(point[1], d.Momentum),
            DecodeHelpers.Double(point[2], d.Beta),
            DecodeHelpers.Int64(point[3], d.Batch),
            DecodeHelpers.Int64(point[4], d.Layers),
            DecodeHelpers.Double(point[5], d.LearningRate),
            DecodeHelpers.Double(point[6], d.Dropout)));

    /// <summary>A smooth bowl with its minimum at X = 1, N = 3, Kind = "b".</summary>
    public static double Bowl(Toy toy) => (toy.X - 1) * (toy.X - 1) + (toy.N - 3) * (toy.N - 3) + (toy.Kind == "b" ? 0 : 1);
}
