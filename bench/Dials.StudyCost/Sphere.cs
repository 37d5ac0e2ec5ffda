using Dials;

namespace Dials.StudyCost;

/// <summary>Ten continuous dimensions in [0, 1]: the space of the whole-study cost comparison.</summary>
[Hyperparameters]
public partial record Sphere
{
    [FloatRange(0, 1)] public double X0 { get; init; }
    [FloatRange(0, 1)] public double X1 { get; init; }
    [FloatRange(0, 1)] public double X2 { get; init; }
    [FloatRange(0, 1)] public double X3 { get; init; }
    [FloatRange(0, 1)] public double X4 { get; init; }
    [FloatRange(0, 1)] public double X5 { get; init; }
    [FloatRange(0, 1)] public double X6 { get; init; }
    [FloatRange(0, 1)] public double X7 { get; init; }
    [FloatRange(0, 1)] public double X8 { get; init; }
    [FloatRange(0, 1)] public double X9 { get; init; }

    /// <summary>The sphere centred at 0.3 in every dimension (minimum 0), as the Optuna script computes it.</summary>
    public double Value()
    {
        double[] x = [X0, X1, X2, X3, X4, X5, X6, X7, X8, X9];
        var sum = 0.0;
        foreach (var xi in x)
        {
            sum += (xi - 0.3) * (xi - 0.3);
        }

        return sum;
    }
}
