namespace Dials.Reporting.Html.Svg;

/// <summary>Maps a numeric domain linearly onto pixels and chooses round tick values (1, 2 or 5 times a power of ten).</summary>
internal sealed class LinearScale
{
    private readonly double low;
    private readonly double high;
    private readonly double from;
    private readonly double to;

    /// <summary>A scale from [<paramref name="low"/>, <paramref name="high"/>] onto [<paramref name="from"/>,
    /// <paramref name="to"/>] pixels (to &lt; from for a y axis, which grows downwards).</summary>
    public LinearScale(double low, double high, double from, double to)
    {
        if (!(high > low))
        {
            // A single value still needs room to be drawn: centre it in a unit-wide domain.
            (low, high) = (low - 0.5, low + 0.5);
        }

        (this.low, this.high, this.from, this.to) = (low, high, from, to);
    }

    /// <summary>The domain's lower end.</summary>
    public double Low => low;

    /// <summary>The domain's upper end.</summary>
    public double High => high;

    /// <summary>A scale whose domain covers <paramref name="values"/>, widened to round tick values; with
    /// <paramref name="margin"/>, first widened by 3% either side so marks at the extremes are not cut in half by the
    /// plot's edge (bars that must start at 0 go without).</summary>
    public static LinearScale Covering(IEnumerable<double> values, double from, double to, bool margin = true)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return new LinearScale(0, 1, from, to);
        }

        var (min, max) = (finite.Min(), finite.Max());
        if (min == max)
        {
            var spread = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - spread, max + spread);
        }

        var pad = margin ? (max - min) * 0.03 : 0;
        (min, max) = (min - pad, max + pad);
        var step = NiceStep(max - min, 5);
        return new LinearScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, from, to);
    }

    /// <summary>The pixel position of a domain value.</summary>
    public double Map(double value) => from + (value - low) / (high - low) * (to - from);

    /// <summary>About <paramref name="count"/> round values inside the domain, labelled with <paramref name="label"/>.</summary>
    public IReadOnlyList<Tick> Ticks(Func<double, string> label, int count = 5) =>
        [.. RoundValues(low, high, count).Select(v => new Tick(v, label(v)))];

    /// <summary>About <paramref name="count"/> round values in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static IEnumerable<double> RoundValues(double low, double high, int count)
    {
        var step = NiceStep(high - low, count);
        var first = Math.Ceiling(low / step - 1e-9);
        for (var k = first; k * step <= high + step * 1e-9; k++)
        {
            yield return Clean(k * step);
        }
    }

    /// <summary>A step of 1, 2 or 5 times a power of ten that cuts <paramref name="span"/> into about
    /// <paramref name="count"/> parts.</summary>
    public static double NiceStep(double span, int count)
    {
        var raw = span / Math.Max(1, count);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalised = raw / magnitude;
        return magnitude * normalised switch { < 1.5 => 1, < 3 => 2, < 7 => 5, _ => 10 };
    }

    /// <summary>Drops the binary noise of a computed round value (0.30000000000000004 becomes 0.3), so tick labels
    /// written with round-trip formatting stay short.</summary>
    public static double Clean(double value) => double.Parse(value.ToString("G12", System.Globalization.CultureInfo.InvariantCulture),
        System.Globalization.CultureInfo.InvariantCulture) + 0.0; // + 0.0 turns -0 into 0, which would print as "-0"
}
