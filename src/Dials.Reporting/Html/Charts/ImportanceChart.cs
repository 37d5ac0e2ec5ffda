using Dials.Analysis;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>Horizontal bars of each dimension's share of the explained variance, most important on top, with whiskers
/// of one spread (the standard deviation across the surrogate's trees) either side.</summary>
internal static class ImportanceChart
{
    private const double Row = 30;

    public static void Write(MarkupWriter w, ImportanceResult importance)
    {
        var rows = importance.Dimensions;
        var plot = new Plot(1040, 60 + Row * rows.Count, left: 200, top: 10, right: 110, bottom: 46);
        var reach = rows.Select(r => r.Importance + r.Spread).Append(0.1).Max();
        var x = LinearScale.Covering([0, reach], plot.Left, plot.Right, margin: false);

        plot.Begin(w, "Hyperparameter importance",
            $"{rows.Count} dimensions by share of explained variance ({importance.Method}, {importance.TrialsUsed} trials)"
            + (rows.Count > 0 ? $"; most important: {rows[0].Name} at {Invariant.Percent(rows[0].Importance)}." : "."));
        plot.BottomAxis(w, x.Map, x.Ticks(Invariant.Percent), "Share of explained variance", grid: true);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var (top, middle) = (plot.Top + i * Row + 5, plot.Top + i * Row + Row / 2);
            plot.RowLabel(w, row.Name, middle);
            w.Open("rect", ("x", plot.Left), ("y", top), ("width", Math.Max(0, x.Map(row.Importance) - plot.Left)), ("height", Row - 10),
                ("fill", Palette.Blue), ("rx", 2));
            w.Element("title", $"{row.Name}: {Invariant.Percent(row.Importance)} ± {Invariant.Percent(row.Spread)}").Close();
            if (row.Spread > 0)
            {
                Marks.Whisker(w, x.Map(Math.Max(0, row.Importance - row.Spread)), x.Map(row.Importance + row.Spread), middle, Palette.Ink, cap: 4);
            }

            w.Element("text", row.Spread > 0 ? $"{Invariant.Percent(row.Importance)} ± {Invariant.Percent(row.Spread)}" : Invariant.Percent(row.Importance),
                ("class", "value-label"), ("x", x.Map(row.Importance + row.Spread) + 8), ("y", middle + 4));
        }

        Plot.End(w);
    }
}
