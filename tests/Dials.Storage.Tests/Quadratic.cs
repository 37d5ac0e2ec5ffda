namespace Dials.Storage.Tests;

/// <summary>A small generated space for studies that exercise storages.</summary>
[Hyperparameters]
public partial record Quadratic
{
    [FloatRange(-5, 5)]
    public double X { get; init; }

    [Choice("a", "b")]
    public string Kind { get; init; } = "a";

    public static double Value(Quadratic q) => (q.X - 1) * (q.X - 1) + (q.Kind == "b" ? 0 : 1);
}
