namespace Dials.Analysis.Tests;

/// <summary>Studies built from hand-made trials, so every figure an analysis reports can be worked out by hand.</summary>
internal static class HandMadeStudy
{
    /// <summary>One float X in [0, 10].</summary>
    public static SearchSpace OneFloat { get; } = SyntheticStudies.Space(Dimension.Float("X", 0, 10));

    /// <summary>A choice of optimizer; Momentum is active only for sgd.</summary>
    public static SearchSpace Conditional { get; } = SyntheticStudies.Space(
        Dimension.Categorical("Optimizer", ["sgd", "adam"]),
        Dimension.Float("Momentum", 0, 0.99, condition: new DimensionCondition("Optimizer", [0])));

    /// <summary>A study of <paramref name="trials"/>.</summary>
    public static StudySnapshot Of(SearchSpace space, Direction direction, params TrialRecord[] trials) =>
        new("hand-made", direction, space, trials);

    /// <summary>Complete trials on <see cref="OneFloat"/>, one per (X, value) pair, numbered from 0.</summary>
    public static StudySnapshot OnOneFloat(Direction direction, params (double X, double Value)[] trials) =>
        Of(OneFloat, direction, [.. trials.Select((t, number) => SyntheticStudies.Complete(number, [t.X], t.Value))]);

    /// <summary>A complete trial that reported <paramref name="intermediate"/> at steps 0, 1, 2, ...</summary>
    public static TrialRecord WithIntermediate(int number, double[] point, double value, params double[] intermediate) =>
        SyntheticStudies.Complete(number, point, value) with
        {
            Intermediate = [.. intermediate.Select((v, step) => new IntermediateValue(step, v))],
        };

    /// <summary>Asserts a warning's kind and that its message carries every fragment (figures, advice).</summary>
    public static void AssertWarning(UncertaintyWarning warning, UncertaintyWarningKind kind, params string[] fragments)
    {
        Assert.Equal(kind, warning.Kind);
        Assert.All(fragments, fragment => Assert.Contains(fragment, warning.Message));
    }
}
