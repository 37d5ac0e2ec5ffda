using Dials.Practice;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Sections;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>A learning-rate range test: the loss against the rate on a log scale (raw losses as faint dots, the
/// smoothed loss as a line), with the suggested rate, the steepest descent and the divergence marked.</summary>
internal static class RangeTestChart
{
    public static void Write(MarkupWriter w, LearningRateRangeResult result)
    {
        var plot = new Plot(1040, 340);
        var points = result.Points.Where(p => p.Rate > 0 && double.IsFinite(p.Loss) && double.IsFinite(p.SmoothedLoss)).ToList();
        var x = LinearScale.Covering(points.Select(p => Math.Log10(p.Rate)), plot.Left, plot.Right, margin: false);
        var y = LinearScale.Covering(points.SelectMany(p => new[] { p.Loss, p.SmoothedLoss }), plot.Bottom, plot.Top);
        plot.Begin(w, "Learning-rate range test",
            $"{Invariant.Integer(points.Count)} steps from {Invariant.Value(points[0].Rate)} to {Invariant.Value(points[^1].Rate)}; suggested rate {Invariant.Value(result.SuggestedRate)}.");
        plot.LeftAxis(w, y.Map, y.Ticks(v => Invariant.Value(v)), "Loss");
        plot.BottomAxis(w, x.Map, x.Ticks(v => Invariant.Value(Math.Pow(10, v))), "Learning rate (log scale)", grid: true);
        foreach (var point in points)
        {
            Marks.Dot(w, x.Map(Math.Log10(point.Rate)), y.Map(point.Loss), Palette.Grey,
                $"rate {Invariant.Value(point.Rate)}: loss {Invariant.Value(point.Loss)}", radius: 2, opacity: 0.35);
        }

        var path = new PathBuilder();
        foreach (var point in points)
        {
            _ = path.IsEmpty
                ? path.MoveTo(x.Map(Math.Log10(point.Rate)), y.Map(point.SmoothedLoss))
                : path.LineTo(x.Map(Math.Log10(point.Rate)), y.Map(point.SmoothedLoss));
        }

        w.Open("path", ("d", path.ToString()), ("stroke", Palette.Blue), ("stroke-width", 2), ("fill", "none"));
        w.Element("title", "smoothed loss").Close();
        Marker(w, plot, x, result.SuggestedRate, Palette.Green, "suggested rate");
        Marker(w, plot, x, result.SteepestRate, Palette.Orange, "steepest descent");
        if (result.DivergenceRate is { } divergence)
        {
            Marker(w, plot, x, divergence, Palette.Vermillion, "divergence");
        }

        Plot.End(w);
        Legend.Write(w, ("line", Palette.Blue, "smoothed loss"), ("dot", Palette.Grey, "loss of a step"), ("dash", Palette.Green, "suggested rate"),
            ("dash", Palette.Orange, "steepest descent"), ("dash", Palette.Vermillion, "divergence"));
    }

    private static void Marker(MarkupWriter w, Plot plot, LinearScale x, double rate, string colour, string name)
    {
        if (!(rate > 0) || Math.Log10(rate) < x.Low || Math.Log10(rate) > x.High)
        {
            return;
        }

        var at = x.Map(Math.Log10(rate));
        w.Open("line", ("x1", at), ("x2", at), ("y1", plot.Top), ("y2", plot.Bottom), ("stroke", colour), ("stroke-width", 1.5), ("stroke-dasharray", "5 4"));
        w.Element("title", $"{name}: {Invariant.Value(rate)}").Close();
    }
}
