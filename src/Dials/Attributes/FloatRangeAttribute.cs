namespace Dials;

/// <summary>A continuous dimension on a <see cref="double"/> or <see cref="float"/> property: values in [low, high].</summary>
/// <param name="low">Smallest value, inclusive.</param>
/// <param name="high">Largest value, inclusive; must be greater than <paramref name="low"/>.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FloatRangeAttribute(double low, double high) : Attribute
{
    /// <summary>Smallest value, inclusive.</summary>
    public double Low { get; } = low;

    /// <summary>Largest value, inclusive.</summary>
    public double High { get; } = high;

    /// <summary>Sample uniformly in log space (for rates and strengths spanning orders of magnitude). Needs low &gt; 0.</summary>
    public bool Log { get; set; }

    /// <summary>When positive, only the values low + k * Step are allowed. Must divide the range; not with <see cref="Log"/>.</summary>
    public double Step { get; set; }
}
