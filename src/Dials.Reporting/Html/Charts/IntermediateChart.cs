using Dials.Analysis;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Sections;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>Learning curves: each trial's intermediate values by step, complete trials in blue, pruned trials in
/// vermillion ending in an × at the step where the pruner stopped them, others in grey.</summary>
internal static class IntermediateChart
{
    /// <summary>Whether any trial reported an intermediate value, i.e. whether there is anything to draw.</summary>
    public static bool HasData(StudySnapshot study) => study.Trials.Any(t => t.Intermediate.Any(v => double.IsFinite(v.Value)));

    public static void Write(MarkupWriter w, StudySnapshot study)
    {
        var plot = new Plot(1040, 340);
        var reported = study.Trials.Where(t => t.Intermediate.Count > 0).ToList();
        var points = reported.SelectMany(t => t.Intermediate).Where(v => double.IsFinite(v.Value)).ToList();
        var x = LinearScale.Covering(points.Select(v => (double)v.Step), plot.Left, plot.Right);
        var y = LinearScale.Covering(points.Select(v => v.Value), plot.Bottom, plot.Top);

        plot.Begin(w, $"Intermediate values of {study.Name}",
            $"{reported.Count} trials reported intermediate values; {reported.Count(t => t.State == TrialState.Pruned)} of them were pruned.");
        plot.LeftAxis(w, y.Map, y.Ticks(v => Invariant.Value(v)), "Intermediate value");
        plot.BottomAxis(w, x.Map, x.Ticks(v => Invariant.Value(v)), "Step");

        // Pruned curves last: they are the story of this chart. Thinned, the best complete curves stay.
        var ordered = reported.OrderBy(t => t.State == TrialState.Pruned).ToList();
        var best = reported.Where(t => t is { State: TrialState.Complete, Value: not null })
            .OrderBy(t => t.Value!.Value * (study.Direction == Direction.Minimize ? 1 : -1));
        var drawn = Thinning.Lines(ordered, Thinning.MostLines, best);
        foreach (var trial in drawn)
        {
            var colour = trial.State switch
            {
                TrialState.Complete => Palette.Blue,
                TrialState.Pruned => Palette.Vermillion,
                _ => Palette.Grey,
            };
            var path = new PathBuilder();
            foreach (var point in trial.Intermediate.Where(v => double.IsFinite(v.Value)))
            {
                _ = path.IsEmpty ? path.MoveTo(x.Map(point.Step), y.Map(point.Value)) : path.LineTo(x.Map(point.Step), y.Map(point.Value));
            }

            var tip = $"Trial {trial.Number} ({trial.State.ToString().ToLowerInvariant()})";
            w.Open("path", ("d", path.ToString()), ("stroke", colour), ("stroke-width", 1.3), ("stroke-opacity", 0.6), ("fill", "none"));
            w.Element("title", tip).Close();
            if (trial.State == TrialState.Pruned && trial.Intermediate.LastOrDefault(v => double.IsFinite(v.Value)) is { Step: var step, Value: var last } && !path.IsEmpty)
            {
                Marks.Cross(w, x.Map(step), y.Map(last), Palette.Vermillion, $"{tip}: stopped at step {Invariant.Integer(step)} with {Invariant.Value(last)}", size: 3.5);
            }
        }

        Plot.End(w);
        Thinning.Note(w, drawn.Count, reported.Count, $"the best {Invariant.Integer(Thinning.MostLines / 4)} complete");
        Legend.Write(w, ("line", Palette.Blue, "complete"), ("line", Palette.Vermillion, "pruned"), ("cross", Palette.Vermillion, "where pruning stopped it"),
            ("line", Palette.Grey, "running or failed"));
    }
}
