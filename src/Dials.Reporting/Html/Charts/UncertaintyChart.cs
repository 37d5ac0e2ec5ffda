using Dials.Analysis;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>The top configurations' mean scores, best on top, each with one standard deviation either side: whiskers
/// that overlap mean the ranking may be noise.</summary>
internal static class UncertaintyChart
{
    private const double Row = 28;

    public static void Write(MarkupWriter w, UncertaintyReport report)
    {
        var top = report.Top;
        var plot = new Plot(1040, 56 + Row * top.Count, left: 200, top: 8, right: 40, bottom: 46);
        var x = LinearScale.Covering(top.SelectMany(c => new[] { c.Mean - c.StandardDeviation, c.Mean + c.StandardDeviation }), plot.Left, plot.Right);

        plot.Begin(w, "Top configurations with their spread",
            $"Mean score ± one standard deviation of the {top.Count} best configurations, best first.");
        plot.BottomAxis(w, x.Map, x.Ticks(v => Invariant.Value(v)), "Mean score ± sd", grid: true);
        for (var i = 0; i < top.Count; i++)
        {
            var c = top[i];
            var y = plot.Top + i * Row + Row / 2;
            var name = $"#{i + 1} · trial {string.Join(", ", c.TrialNumbers.Select(n => Invariant.Integer(n)))}";
            plot.RowLabel(w, name, y);
            if (c.StandardDeviation > 0)
            {
                Marks.Whisker(w, x.Map(c.Mean - c.StandardDeviation), x.Map(c.Mean + c.StandardDeviation), y, Palette.Ink, cap: 4);
            }

            Marks.Dot(w, x.Map(c.Mean), y, i == 0 ? Palette.Orange : Palette.Blue,
                $"{name}: {Invariant.Value(c.Mean)} ± {Invariant.Value(c.StandardDeviation)} ({Invariant.Integer(c.Samples)} {c.Source.ToString().ToLowerInvariant()})",
                radius: 5, opacity: 1);
        }

        Plot.End(w);
    }
}
