using Dials.Analysis;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>The x axis of a sensitivity sweep: the dimension's unit space when the space knows it, else a linear axis
/// over the swept values labelled with the sweep's own labels.</summary>
internal sealed class SweepAxis
{
    private readonly Func<double, double> toPixel;
    private readonly Func<double, string> label;
    private readonly double halfBand;

    private SweepAxis(Func<double, double> toPixel, Func<double, string> label, IReadOnlyList<Tick> ticks, bool banded, double halfBand)
    {
        (this.toPixel, this.label, Ticks, IsBanded, this.halfBand) = (toPixel, label, ticks, banded, halfBand);
    }

    /// <summary>Tick marks, placed for <see cref="X"/>.</summary>
    public IReadOnlyList<Tick> Ticks { get; }

    /// <summary>Whether values are bands (no line joins them).</summary>
    public bool IsBanded { get; }

    public static SweepAxis For(Dimension? dimension, DimensionSweep sweep, Plot plot)
    {
        if (dimension is not null)
        {
            var unit = new LinearScale(0, 1, plot.Left, plot.Right);
            var banded = DimensionTicks.IsBanded(dimension);
            return new SweepAxis(v => unit.Map(dimension.ToUnit(v)), dimension.Format, DimensionTicks.Of(dimension), banded,
                banded ? (plot.Right - plot.Left) / dimension.Count / 2 : 0);
        }

        var values = sweep.Points.Select(p => p.Value).ToList();
        var scale = LinearScale.Covering(values, plot.Left, plot.Right);
        var labels = sweep.Points.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Label);
        return new SweepAxis(scale.Map, v => labels.TryGetValue(v, out var text) ? text : Invariant.Value(v),
            scale.Ticks(v => Invariant.Value(v)), banded: false, halfBand: 0);
    }

    /// <summary>The pixel position of an internal value.</summary>
    public double X(double value) => toPixel(value);

    /// <summary>Where the band of a value starts (the value itself on a continuous axis).</summary>
    public double BandStart(double value) => toPixel(value) - halfBand;

    /// <summary>Where the band of a value ends.</summary>
    public double BandEnd(double value) => toPixel(value) + halfBand;

    /// <summary>A value as people read it.</summary>
    public string Label(double value) => label(value);
}
