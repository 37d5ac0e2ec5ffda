namespace Dials.Reporting.Html.Svg;

/// <summary>
/// Tick values for a dimension in its own (internal) values, labelled with <see cref="Dimension.Format"/>. Charts place
/// them at <see cref="Dimension.ToUnit"/>, so one unit-space axis is a log axis for a log dimension and a band axis for a
/// categorical or small discrete one, exactly as the samplers see the space.
/// </summary>
internal static class DimensionTicks
{
    private const int MaxLevels = 12;

    /// <summary>Ticks at internal values: every level of a small discrete dimension, round values otherwise.</summary>
    public static IReadOnlyList<Tick> Of(Dimension dimension)
    {
        IEnumerable<double> values = dimension switch
        {
            { IsDiscrete: true, Count: > 0 and <= MaxLevels } => Levels(dimension),
            { Log: true } => LogValues(dimension.Low, dimension.High),
            _ => LinearScale.RoundValues(dimension.Low, dimension.High, 5),
        };
        return [.. values.Select(v => new Tick(v, dimension.Format(v)))];
    }

    /// <summary>Whether the dimension is drawn as bands (one per level) rather than a continuous axis.</summary>
    public static bool IsBanded(Dimension dimension) => dimension.IsDiscrete && dimension.Count is > 0 and <= MaxLevels;

    private static IEnumerable<double> Levels(Dimension dimension) =>
        Enumerable.Range(0, dimension.Count).Select(k => dimension.FromUnit((k + 0.5) / dimension.Count));

    /// <summary>Powers of ten in range; with fewer than three of them, also their doubles and fives.</summary>
    private static IEnumerable<double> LogValues(double low, double high)
    {
        var decades = Enumerable.Range((int)Math.Floor(Math.Log10(low)), (int)Math.Ceiling(Math.Log10(high)) - (int)Math.Floor(Math.Log10(low)) + 1)
            .Select(e => Math.Pow(10, e)).ToList();
        var multiples = decades.Count(v => v >= low && v <= high) >= 3 ? [1.0] : new[] { 1.0, 2, 5 };
        return decades.SelectMany(p => multiples.Select(m => LinearScale.Clean(m * p))).Where(v => v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9));
    }
}
