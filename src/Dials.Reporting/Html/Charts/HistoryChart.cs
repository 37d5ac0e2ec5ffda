using Dials.Analysis;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Sections;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>The optimisation history: each trial's value by number, the best value so far as a step line, pruned trials
/// at the value they were stopped on and failed trials along the bottom.</summary>
internal static class HistoryChart
{
    public static void Write(MarkupWriter w, StudySnapshot study)
    {
        var plot = new Plot(1040, 340);
        var numbers = study.Trials.Select(t => (double)t.Number).Append(0).ToList();
        var x = new LinearScale(-0.5, numbers.Max() + 0.5, plot.Left, plot.Right);
        // The scale fits the complete trials: pruned ones stopped early and sit far above, squashing what matters; they
        // are pinned to the edge when off the chart (their tooltip keeps the value).
        var fitted = study.Complete.Count > 0 ? study.Complete.Select(t => t.Value!.Value) : study.Trials.Select(TrialValues.Shown).OfType<double>();
        var y = LinearScale.Covering(fitted, plot.Bottom - 8, plot.Top);

        var best = study.Best;
        plot.Begin(w, $"Optimisation history of {study.Name}",
            $"{study.Complete.Count} complete trials by number" + (best is null ? "." : $"; best value {Invariant.Value(best.Value)} at trial {best.Number}."));
        plot.LeftAxis(w, y.Map, y.Ticks(v => Invariant.Value(v)), "Objective value");
        plot.BottomAxis(w, x.Map, LinearScale.Covering(numbers, 0, 1).Ticks(v => Invariant.Value(v)).Where(t => t.At >= 0 && t.At <= numbers.Max()).ToList(), "Trial number");

        WriteBestSoFar(w, study, x, y, plot.Right);
        // Every trial but the running ones leaves a mark; failed ones (no value) sit along the bottom.
        var marked = study.Trials.Where(t => t.State != TrialState.Running).ToList();
        var drawn = Thinning.Points(marked, Thinning.HistoryDots, t => x.Map(t.Number),
            t => TrialValues.Shown(t) is { } v ? Math.Clamp(y.Map(v), plot.Top, plot.Bottom) : plot.Bottom, Improvements(study),
            t => (int)t.State);
        foreach (var trial in drawn)
        {
            var value = TrialValues.Shown(trial);
            var cx = x.Map(trial.Number);
            switch (trial.State)
            {
                case TrialState.Complete when value is { } v:
                    Marks.Dot(w, cx, y.Map(v), Palette.Blue, $"Trial {trial.Number}: {Invariant.Value(v)}", best?.Number == trial.Number ? 5 : 3.5);
                    break;
                case TrialState.Pruned when value is { } v:
                    Marks.Cross(w, cx, Math.Clamp(y.Map(v), plot.Top, plot.Bottom), Palette.Vermillion, $"Trial {trial.Number}: pruned at {Invariant.Value(v)}");
                    break;
                case TrialState.Pruned or TrialState.Failed:
                    Marks.Triangle(w, cx, plot.Bottom - 3, trial.State == TrialState.Failed ? Palette.Grey : Palette.Vermillion,
                        $"Trial {trial.Number}: {trial.State.ToString().ToLowerInvariant()}" + (trial.FailReason is { } why ? $" ({why})" : ""));
                    break;
            }
        }

        Plot.End(w);
        Thinning.Note(w, drawn.Count, marked.Count, "every improvement of the best, the highest and lowest of each state in each column of pixels");
        Legend.Write(w, ("dot", Palette.Blue, "complete"), ("line", Palette.Orange, "best so far"),
            ("cross", Palette.Vermillion, "pruned (last reported value, at the edge when off the chart)"), ("triangle", Palette.Grey, "failed or pruned without a value"));
    }

    /// <summary>The complete trials that improved on every earlier one: the corners of the best-so-far line.</summary>
    private static IEnumerable<TrialRecord> Improvements(StudySnapshot study)
    {
        double? bestSoFar = null;
        foreach (var trial in study.Complete)
        {
            if (bestSoFar is not { } b || study.IsBetter(trial.Value!.Value, b))
            {
                bestSoFar = trial.Value!.Value;
                yield return trial;
            }
        }
    }

    private static void WriteBestSoFar(MarkupWriter w, StudySnapshot study, LinearScale x, LinearScale y, double right)
    {
        var path = new PathBuilder();
        double? bestSoFar = null;
        foreach (var trial in study.Complete)
        {
            var v = trial.Value!.Value;
            if (bestSoFar is { } b && !study.IsBetter(v, b))
            {
                continue;
            }

            var (px, py) = (x.Map(trial.Number), y.Map(v));
            if (bestSoFar is null)
            {
                path.MoveTo(px, py);
            }
            else
            {
                path.LineTo(px, y.Map(bestSoFar.Value)).LineTo(px, py);
            }

            bestSoFar = v;
        }

        if (bestSoFar is { } last)
        {
            path.LineTo(right, y.Map(last));
            w.Empty("path", ("d", path.ToString()), ("fill", "none"), ("stroke", Palette.Orange), ("stroke-width", 2.5));
        }
    }
}
