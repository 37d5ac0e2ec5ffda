namespace Dials;

/// <summary>An integer dimension on an <see cref="int"/> or <see cref="long"/> property: values low, low + Step, ..., high.</summary>
/// <param name="low">Smallest value, inclusive.</param>
/// <param name="high">Largest value, inclusive; must be greater than <paramref name="low"/>.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class IntRangeAttribute(long low, long high) : Attribute
{
    /// <summary>Smallest value, inclusive.</summary>
    public long Low { get; } = low;

    /// <summary>Largest value, inclusive.</summary>
    public long High { get; } = high;

    /// <summary>Distance between allowed values; must be positive and divide the range. Default 1.</summary>
    public long Step { get; set; } = 1;

    /// <summary>Sample uniformly in log space (for counts spanning orders of magnitude). Needs low &gt;= 1 and Step 1.</summary>
    public bool Log { get; set; }
}
