using System.ComponentModel;

namespace Dials.Generated;

/// <summary>Conversions from internal values used by generated decoders. Not meant to be called by hand.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DecodeHelpers
{
    /// <summary>A double, or <paramref name="fallback"/> when the dimension is inactive (NaN).</summary>
    public static double Double(double value, double fallback) => double.IsNaN(value) ? fallback : value;

    /// <summary>A float, or <paramref name="fallback"/> when the dimension is inactive (NaN).</summary>
    public static float Single(double value, float fallback) => double.IsNaN(value) ? fallback : (float)value;

    /// <summary>An int, or <paramref name="fallback"/> when the dimension is inactive (NaN).</summary>
    public static int Int32(double value, int fallback) => double.IsNaN(value) ? fallback : checked((int)value);

    /// <summary>A long, or <paramref name="fallback"/> when the dimension is inactive (NaN).</summary>
    public static long Int64(double value, long fallback) => double.IsNaN(value) ? fallback : checked((long)value);

    /// <summary>The chosen value, or <paramref name="fallback"/> when the dimension is inactive (NaN).</summary>
    public static TValue Choice<TValue>(double value, IReadOnlyList<object> choices, TValue fallback) =>
        double.IsNaN(value) ? fallback : (TValue)choices[(int)value];
}
