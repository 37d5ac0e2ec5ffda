namespace Dials;

/// <summary>What values a <see cref="Dimension"/> takes, and so how samplers treat it.</summary>
public enum DimensionKind
{
    /// <summary>Real numbers in [Low, High], optionally log-scaled or on a step grid.</summary>
    Float,

    /// <summary>Integers in [Low, High] on a step grid, optionally log-scaled.</summary>
    Int,

    /// <summary>Powers of two in [Low, High]; ordered, and uniform in their exponent.</summary>
    PowerOfTwo,

    /// <summary>One of an unordered list of choices; the internal value is the choice's index.</summary>
    Categorical,
}
