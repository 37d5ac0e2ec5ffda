using Dials.Analysis;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>
/// One slice plot: the objective against one dimension's value over the complete trials where it was active. The x
/// axis is the dimension's unit space, so it is logarithmic for a log dimension and one band per value for a
/// categorical or small discrete one (points spread across their band so that they do not hide each other). All
/// slices of a study share the y axis so they can be compared at a glance.
/// </summary>
internal static class SliceChart
{
    public const double Width = 340;
    public const double Height = 250;

    public static void Write(MarkupWriter w, StudySnapshot study, int dimensionIndex, (double Low, double High) valueRange)
    {
        var dimension = study.Space.Dimensions[dimensionIndex];
        var plot = new Plot(Width, Height, left: 58, top: 12, right: 12, bottom: 44);
        var x = new LinearScale(0, 1, plot.Left, plot.Right);
        var y = new LinearScale(valueRange.Low, valueRange.High, plot.Bottom, plot.Top);
        var active = study.Complete.Where(t => !double.IsNaN(t.Point[dimensionIndex])).ToList();
        var best = study.Best;

        plot.Begin(w, $"Objective against {dimension.Name}",
            $"{active.Count} complete trials where {dimension.Name} was active" + (dimension.Log ? ", log scale." : "."));
        var banded = DimensionTicks.IsBanded(dimension);
        if (banded)
        {
            WriteBands(w, dimension, x, plot);
        }

        plot.LeftAxis(w, y.Map, y.Ticks(v => Invariant.Value(v)), "Objective");
        plot.BottomAxis(w, v => x.Map(dimension.ToUnit(v)), DimensionTicks.Of(dimension), dimension.Name + (dimension.Log ? " (log scale)" : ""), grid: !banded);
        double Unit(TrialRecord trial) =>
            dimension.ToUnit(trial.Point[dimensionIndex]) + (banded ? Jitter(trial.Number) * 0.6 / dimension.Count : 0);
        var drawn = Thinning.Points(active, Thinning.SliceDots, t => x.Map(Unit(t)), t => y.Map(t.Value!.Value),
            active.Where(t => t.Number == best?.Number));
        foreach (var trial in drawn)
        {
            var value = trial.Value!.Value;
            var unit = Unit(trial);

            var tip = $"Trial {trial.Number}: {dimension.Name} = {dimension.Format(trial.Point[dimensionIndex])}, value {Invariant.Value(value)}";
            if (trial.Number == best?.Number)
            {
                Marks.Dot(w, x.Map(unit), y.Map(value), Palette.Orange, tip + " (best)", radius: 5.5, opacity: 1);
            }
            else
            {
                Marks.Dot(w, x.Map(unit), y.Map(value), Palette.Blue, tip, opacity: 0.6);
            }
        }

        Plot.End(w);
        Thinning.Note(w, drawn.Count, active.Count, "the best, the highest and lowest in each column of pixels");
    }

    private static void WriteBands(MarkupWriter w, Dimension dimension, LinearScale x, Plot plot)
    {
        for (var k = 1; k < dimension.Count; k += 2)
        {
            var (from, to) = (x.Map((double)k / dimension.Count), x.Map((double)(k + 1) / dimension.Count));
            w.Empty("rect", ("class", "band"), ("x", from), ("y", plot.Top), ("width", to - from), ("height", plot.Bottom - plot.Top));
        }
    }

    /// <summary>A fixed offset in [-0.5, 0.5] per trial: the same report every time, no random numbers.</summary>
    private static double Jitter(int number) => ((uint)(number * 2654435761u) % 1000) / 1000.0 - 0.5;
}
