using System.Numerics.Tensors;

namespace Dials.Samplers.Gp;

/// <summary>
/// The Matérn 5/2 correlation as a function of the scaled squared distance r² = Σ_j θ_j δ_j², θ_j the inverse squared
/// length scale of input j: (1 + √5 r + 5/3 r²) e^(-√5 r). Twice differentiable, so smooth enough for gradient-based
/// search of the acquisition, rough enough to follow real objectives (the usual choice in Bayesian optimisation).
/// </summary>
internal static class Matern52
{
    private const double Sqrt5 = 2.2360679774997896964;

    /// <summary>The correlation at squared distance <paramref name="r2"/>, and its derivative by r² (finite at 0,
    /// which is why the kernel is written in r² rather than r).</summary>
    public static double Value(double r2, out double derivative)
    {
        var s = Sqrt5 * Math.Sqrt(r2);
        var e = Math.Exp(-s);
        derivative = -5.0 / 6.0 * (1 + s) * e;
        return (1 + s + 5.0 / 3.0 * r2) * e;
    }

    /// <summary>The correlation at squared distance <paramref name="r2"/>.</summary>
    public static double Value(double r2)
    {
        var s = Sqrt5 * Math.Sqrt(r2);
        return (1 + s + 5.0 / 3.0 * r2) * Math.Exp(-s);
    }

    /// <summary>scale · correlation for every squared distance in <paramref name="r2"/>, vectorised;
    /// <paramref name="work"/> is scratch of the same length.</summary>
    public static void Values(ReadOnlySpan<double> r2, Span<double> work, Span<double> result, double scale)
    {
        // s = √(5 r²); result = scale (1 + s + 5/3 r²) e^(-s).
        TensorPrimitives.Multiply(r2, 5.0, work);
        TensorPrimitives.Sqrt(work, work);
        TensorPrimitives.MultiplyAdd(r2, 5.0 / 3.0, work, result);
        TensorPrimitives.Add(result, 1.0, result);
        TensorPrimitives.Negate(work, work);
        TensorPrimitives.Exp(work, work);
        TensorPrimitives.Multiply(result, work, result);
        TensorPrimitives.Multiply(result, scale, result);
    }

    /// <summary>δ² of one input: the squared difference of numeric inputs, 0 or 1 (equal or not) for categorical ones,
    /// so every level is its own value at the same distance from every other.</summary>
    public static double SquaredDifference(double a, double b, bool categorical)
    {
        if (categorical)
        {
            return a == b ? 0 : 1;
        }

        var d = a - b;
        return d * d;
    }
}
