namespace Dials;

/// <summary>
/// An integer dimension on an <see cref="int"/> or <see cref="long"/> property whose values are the powers of two
/// between <paramref name="low"/> and <paramref name="high"/> (batch sizes, widths). Both bounds must be powers of two.
/// </summary>
/// <param name="low">Smallest power of two, inclusive.</param>
/// <param name="high">Largest power of two, inclusive.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PowerOfTwoAttribute(long low, long high) : Attribute
{
    /// <summary>Smallest power of two, inclusive.</summary>
    public long Low { get; } = low;

    /// <summary>Largest power of two, inclusive.</summary>
    public long High { get; } = high;
}
