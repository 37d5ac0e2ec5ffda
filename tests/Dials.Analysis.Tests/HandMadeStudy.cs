using Dials.Analysis;

namespace Dials.Analysis.Tests;

/// <summary>Studies built from hand-made trials, so every figure an analysis reports can be worked out by hand.</summary>
internal static class HandMadeStudy
{
    /// <summary>One float X in [0, 10].</summary>
    public static SearchSpace OneFloat { get; } = Space(Dimension.Float("X", 0, 10));

    /// <summary>A choice of optimizer; Momentum is active only for sgd.</summary>
    public static SearchSpace Conditional { get; } = Space(
        Dimension.Categorical("Optimizer", ["sgd", "adam"]),
        Dimension.Float("Momentum", 0, 0.99, condition: new DimensionCondition("Optimizer", [0])));

    /// <summary>A space with these dimensions, as a storage would rebuild it.</summary>
    public static SearchSpace Space(params Dimension[] dimensions) =>
        SearchSpace.FromSignature(string.Join("\n", dimensions.Select(d => d.ToString())));

    /// <summary>A study of <paramref name="trials"/>, numbered in the order given.</summary>
    public static StudySnapshot Of(SearchSpace space, Direction direction, params TrialRecord[] trials) =>
        new("hand-made", direction, space, trials);

    /// <summary>Complete trials on <see cref="OneFloat"/>, one per (X, value) pair, numbered from 0.</summary>
    public static StudySnapshot OnOneFloat(Direction direction, params (double X, double Value)[] trials) =>
        Of(OneFloat, direction, [.. trials.Select((t, number) => Complete(number, t.Value, t.X))]);

    /// <summary>A complete trial at <paramref name="point"/> with no intermediate values.</summary>
    public static TrialRecord Complete(int number, double value, params double[] point) =>
        WithIntermediate(number, value, [], point);

    /// <summary>A complete trial that reported <paramref name="intermediate"/> at steps 0, 1, 2, ...</summary>
    public static TrialRecord WithIntermediate(int number, double value, double[] intermediate, params double[] point) =>
        new(number, TrialState.Complete, point, value, [.. intermediate.Select((v, step) => new IntermediateValue(step, v))],
            DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1));
}
