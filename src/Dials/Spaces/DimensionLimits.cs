namespace Dials;

/// <summary>
/// Limits every dimension obeys, in one file that the runtime <see cref="Dimension"/> compiles and the source generator
/// links (it targets netstandard2.0 and cannot call the runtime), so the generator refuses at compile time exactly the
/// declarations the runtime would refuse when the space is built.
/// </summary>
internal static class DimensionLimits
{
    /// <summary>The most values a discrete dimension may take: its count is an <see cref="int"/>, and samplers index
    /// its values by level.</summary>
    public const int MaxValueCount = int.MaxValue;

    /// <summary>The number of values of the grid <paramref name="low"/>, low + step, ..., <paramref name="high"/>
    /// (a stepped float, or an int whose step is 1 or more). Counted in double precision, so that no range of
    /// <see cref="long"/> bounds overflows; the count is exact far beyond <see cref="MaxValueCount"/>.</summary>
    public static double ValueCount(double low, double high, double step) => System.Math.Round((high - low) / step) + 1;

    /// <summary>Whether a grid from <paramref name="low"/> to <paramref name="high"/> by <paramref name="step"/> has
    /// more values than a dimension can hold.</summary>
    public static bool HasTooManyValues(double low, double high, double step) => ValueCount(low, high, step) > MaxValueCount;

    /// <summary>Whether a categorical choice is allowed: anything but a NaN or infinite number, which no configuration
    /// could be matched against (NaN equals nothing) and no storage writes as a plain number.</summary>
    public static bool IsFiniteChoice(object? choice) => choice switch
    {
        double d => !double.IsNaN(d) && !double.IsInfinity(d),
        float f => !float.IsNaN(f) && !float.IsInfinity(f),
        _ => true,
    };
}
