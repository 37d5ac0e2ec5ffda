using Dials.Analysis;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>
/// One dimension's sensitivity sweep: the score as that dimension alone moves, the threshold the score may not cross,
/// the tolerated run around the centre shaded, and the centre marked. The x axis is the dimension's unit space when
/// the study's space knows the dimension (log and band axes as in the slices), the swept values otherwise.
/// </summary>
internal static class SensitivityChart
{
    public static void Write(MarkupWriter w, StudySnapshot study, SensitivityResult result, DimensionSweep sweep)
    {
        var plot = new Plot(SliceChart.Width, SliceChart.Height, left: 58, top: 12, right: 12, bottom: 44);
        var index = study.Space.IndexOf(sweep.Name);
        var dimension = index >= 0 ? study.Space.Dimensions[index] : null;
        var axis = SweepAxis.For(dimension, sweep, plot);
        var y = LinearScale.Covering(sweep.Points.Select(p => p.Score).Append(result.Threshold).Append(result.CenterScore), plot.Bottom, plot.Top);

        plot.Begin(w, $"Sensitivity of {sweep.Name}",
            $"Score against {sweep.Name} around {axis.Label(sweep.Center)}; tolerated from {axis.Label(sweep.SafeLow)} to {axis.Label(sweep.SafeHigh)} ({Invariant.Percent(sweep.SafeFraction)} of the points).");
        var (safeFrom, safeTo) = (axis.BandStart(sweep.SafeLow), axis.BandEnd(sweep.SafeHigh));
        w.Open("rect", ("class", "safe"), ("x", safeFrom), ("y", plot.Top), ("width", Math.Max(2, safeTo - safeFrom)), ("height", plot.Bottom - plot.Top));
        w.Element("title", $"Tolerated: {axis.Label(sweep.SafeLow)} to {axis.Label(sweep.SafeHigh)}").Close();

        plot.LeftAxis(w, y.Map, y.Ticks(v => Invariant.Value(v)), "Score");
        plot.BottomAxis(w, axis.X, axis.Ticks, sweep.Name + (dimension?.Log == true ? " (log scale)" : ""));
        w.Empty("line", ("class", "threshold"), ("x1", plot.Left), ("x2", plot.Right), ("y1", y.Map(result.Threshold)), ("y2", y.Map(result.Threshold)));
        w.Empty("line", ("class", "center"), ("x1", axis.X(sweep.Center)), ("x2", axis.X(sweep.Center)), ("y1", plot.Top), ("y2", plot.Bottom));

        if (!axis.IsBanded)
        {
            var line = new PathBuilder();
            foreach (var point in sweep.Points.Where(p => double.IsFinite(p.Score)))
            {
                _ = line.IsEmpty ? line.MoveTo(axis.X(point.Value), y.Map(point.Score)) : line.LineTo(axis.X(point.Value), y.Map(point.Score));
            }

            w.Empty("path", ("d", line.ToString()), ("stroke", Palette.Blue), ("stroke-width", 1.6), ("fill", "none"));
        }

        foreach (var point in sweep.Points.Where(p => double.IsFinite(p.Score)))
        {
            var tip = $"{sweep.Name} = {point.Label}: {Invariant.Value(point.Score)}" + (point.Tolerated ? " (tolerated)" : " (degraded)");
            if (point.Tolerated)
            {
                Marks.Dot(w, axis.X(point.Value), y.Map(point.Score), Palette.Green, tip, opacity: 1);
            }
            else
            {
                Marks.Ring(w, axis.X(point.Value), y.Map(point.Score), Palette.Vermillion, tip);
            }
        }

        Plot.End(w);
    }
}
