using Dials.Analysis;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Sections;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>
/// Parallel coordinates: one vertical axis per dimension in unit space (log-aware, discrete values as bands) and the
/// objective last; each complete trial is a line across them coloured by its value, best on top. A line skips the
/// axes of dimensions inactive for its trial rather than inventing a value there.
/// </summary>
internal static class ParallelCoordinatesChart
{
    private const double AxisGap = 100;

    public static void Write(MarkupWriter w, StudySnapshot study)
    {
        var dimensions = study.Space.Dimensions;
        var width = Math.Max(1040, AxisGap * (dimensions.Count + 1));
        var plot = new Plot(width, 400, left: 70, top: 42, right: 60, bottom: 18);
        var gap = (plot.Right - plot.Left) / Math.Max(1, dimensions.Count);
        double AxisX(int i) => plot.Left + i * gap;
        double UnitY(double unit) => plot.Bottom - unit * (plot.Bottom - plot.Top);
        var values = LinearScale.Covering(study.Complete.Select(t => t.Value!.Value), plot.Bottom, plot.Top);
        var quality = TrialValues.Quality(study);

        plot.Begin(w, $"Parallel coordinates of {study.Name}",
            $"{study.Complete.Count} complete trials across {dimensions.Count} dimensions and the objective; darker lines are better.",
            "chart parallel");

        var all = TrialValues.WorstFirst(study).ToList();
        var drawn = Thinning.Lines(all, Thinning.MostLines, Enumerable.Reverse(all));
        w.Open("g", ("class", "lines"));
        foreach (var trial in drawn)
        {
            var value = trial.Value!.Value;
            var path = new PathBuilder();
            var previousActive = false;
            for (var i = 0; i <= dimensions.Count; i++)
            {
                var isDimension = i < dimensions.Count;
                if (isDimension && double.IsNaN(trial.Point[i]))
                {
                    previousActive = false;
                    continue;
                }

                var y = isDimension ? UnitY(dimensions[i].ToUnit(trial.Point[i])) : values.Map(value);
                if (previousActive)
                {
                    path.LineTo(AxisX(i), y);
                }
                else
                {
                    // A piece that starts here may end here too (its neighbours inactive): a short stub keeps it visible.
                    path.MoveTo(AxisX(i) - 3, y).LineTo(AxisX(i), y);
                }

                previousActive = true;
            }

            w.Open("path", ("d", path.ToString()), ("stroke", Palette.Quality(quality(value))), ("stroke-width", 1.4),
                ("stroke-opacity", 0.75), ("fill", "none"));
            w.Element("title", $"Trial {trial.Number}: {Invariant.Value(value)}").Close();
        }

        w.Close();

        for (var i = 0; i < dimensions.Count; i++)
        {
            var dimension = dimensions[i];
            plot.VerticalAxis(w, AxisX(i), v => UnitY(dimension.ToUnit(v)), DimensionTicks.Of(dimension));
            AxisName(w, dimensions[i].Name, AxisX(i), plot.Top - 14, gap);
        }

        plot.VerticalAxis(w, AxisX(dimensions.Count), values.Map, values.Ticks(v => Invariant.Value(v)));
        AxisName(w, "Objective", AxisX(dimensions.Count), plot.Top - 14, gap);
        Plot.End(w);
        Thinning.Note(w, drawn.Count, all.Count, $"the best {Invariant.Integer(Thinning.MostLines / 4)}");
        Legend.Write(w, ("gradient", Palette.Quality(1), "line colour: objective value, from pale (worst) to dark (best)"));
    }

    private static void AxisName(MarkupWriter w, string name, double x, double y, double room) =>
        Plot.Label(w, Plot.Fit(name, (int)(room / 7)), name, x, y, "middle", "axis-title");
}
