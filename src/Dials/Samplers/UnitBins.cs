namespace Dials.Samplers;

/// <summary>
/// Where a numeric dimension's values sit in the unit interval of <see cref="Dimension.ToUnit"/>: a continuous
/// dimension's values are points, a discrete one's each own a bin (equal widths, or log-spaced widths for a
/// log-scaled integer), which is what a density over the unit interval must integrate to score a discrete value.
/// </summary>
internal readonly struct UnitBins
{
    private readonly int levels;
    private readonly bool logInt;
    private readonly double logLow;
    private readonly double logSpan;

    public UnitBins(Dimension dimension)
    {
        IsDiscrete = dimension.IsDiscrete && dimension.Kind != DimensionKind.Categorical;
        logInt = dimension.Kind == DimensionKind.Int && dimension.Log;
        levels = IsDiscrete && !logInt ? dimension.Count : 0;
        if (logInt)
        {
            logLow = Math.Log(dimension.Low - 0.5);
            logSpan = Math.Log(dimension.High + 0.5) - logLow;
        }
    }

    /// <summary>Whether values own bins rather than points.</summary>
    public bool IsDiscrete { get; }

    /// <summary>The unit-interval bin [lower, upper] that the internal <paramref name="value"/> owns.</summary>
    public (double Lower, double Upper) Bin(Dimension dimension, double value)
    {
        if (logInt)
        {
            return ((Math.Log(value - 0.5) - logLow) / logSpan, (Math.Log(value + 0.5) - logLow) / logSpan);
        }

        var level = Math.Min((int)(dimension.ToUnit(value) * levels), levels - 1);
        return ((double)level / levels, (double)(level + 1) / levels);
    }
}
