using Dials.Analysis;
using Dials.Reporting.Export;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Sections;
using Dials.Reporting.Html.Svg;

namespace Dials.Reporting.Html.Charts;

/// <summary>
/// The trade-offs of a study of several objectives. Two objectives: one scatter of the first against the second, the
/// Pareto front in orange joined by the staircase that bounds what it dominates, the other feasible trials faint, and
/// the infeasible ones as vermillion rings (never on the front, however good their values). Three or more: the same
/// marks in one small scatter per pair of objectives, without the staircase (a projection of a front is no staircase).
/// </summary>
internal static class ParetoChart
{
    private const double PairWidth = 340;
    private const double PairHeight = 260;

    public static void Write(MarkupWriter w, StudySnapshot study, StudyFront front)
    {
        if (study.Directions.Count == 2)
        {
            Scatter(w, study, front, 0, 1, new Plot(1040, 420, left: 72), staircase: true);
        }
        else
        {
            w.Open("div", ("class", "grid"));
            for (var i = 0; i < study.Directions.Count; i++)
            {
                for (var j = i + 1; j < study.Directions.Count; j++)
                {
                    w.Open("figure");
                    Scatter(w, study, front, i, j, new Plot(PairWidth, PairHeight, left: 58, top: 12, right: 12, bottom: 44), staircase: false);
                    w.Close();
                }
            }

            w.Close();
        }

        Legend.Write(w, ("dot", Palette.Orange, "on the Pareto front"), ("dot", Palette.Blue, "feasible, dominated"),
            ("ring", Palette.Vermillion, "infeasible (a constraint above 0; never on the front)"));
    }

    private static void Scatter(MarkupWriter w, StudySnapshot study, StudyFront front, int i, int j, Plot plot, bool staircase)
    {
        var directions = study.Directions;
        var (nameX, nameY) = (StudyFront.ObjectiveName(directions, study.ObjectiveNames, i), StudyFront.ObjectiveName(directions, study.ObjectiveNames, j));
        // A name the user gave is shown as written ("rmse", not "Rmse"); the generic "objective 1" starts a label.
        string Label(string text) => study.ObjectiveNames is null ? Capitalised(text) : text;
        IReadOnlyList<TrialRecord> all = [.. front.Front, .. front.Dominated, .. front.Infeasible];
        var x = LinearScale.Covering(all.Select(t => t.ObjectiveValues[i]), plot.Left, plot.Right);
        var y = LinearScale.Covering(all.Select(t => t.ObjectiveValues[j]), plot.Bottom, plot.Top);
        var onFront = front.Front.Select(t => t.Number).ToHashSet();
        var infeasible = front.Infeasible.Select(t => t.Number).ToHashSet();

        plot.Begin(w, $"{Label(StudyFront.ObjectiveLabel(study.ObjectiveNames, i))} against {StudyFront.ObjectiveLabel(study.ObjectiveNames, j)} of {study.Name}",
            $"{front.Front.Count} of {front.Feasible} feasible complete trials on the Pareto front"
            + (front.Infeasible.Count > 0 ? $"; {front.Infeasible.Count} infeasible trials drawn apart." : "."));
        plot.LeftAxis(w, y.Map, y.Ticks(v => Invariant.Value(v)), Label(nameY));
        plot.BottomAxis(w, x.Map, x.Ticks(v => Invariant.Value(v)), Label(nameX), grid: true);
        if (staircase)
        {
            Staircase(w, front, x, y);
        }

        // Faint marks first and the front last, so the front is never hidden under the crowd it dominates.
        var order = all.OrderBy(t => onFront.Contains(t.Number) ? 2 : infeasible.Contains(t.Number) ? 1 : 0).ThenBy(t => t.Number).ToList();
        var drawn = Thinning.Points(order, staircase ? Thinning.HistoryDots : Thinning.SliceDots,
            t => x.Map(t.ObjectiveValues[i]), t => y.Map(t.ObjectiveValues[j]), front.Front,
            t => onFront.Contains(t.Number) ? 2 : infeasible.Contains(t.Number) ? 1 : 0);
        foreach (var trial in drawn)
        {
            var (px, py) = (x.Map(trial.ObjectiveValues[i]), y.Map(trial.ObjectiveValues[j]));
            var tip = Tip(study, trial);
            if (onFront.Contains(trial.Number))
            {
                Marks.Dot(w, px, py, Palette.Orange, tip + " (on the Pareto front)", radius: 5, opacity: 1);
            }
            else if (infeasible.Contains(trial.Number))
            {
                Marks.Ring(w, px, py, Palette.Vermillion, tip + " (infeasible: " + Violations(trial) + ")");
            }
            else
            {
                Marks.Dot(w, px, py, Palette.Blue, tip + " (dominated)", opacity: 0.35);
            }
        }

        Plot.End(w);
        Thinning.Note(w, drawn.Count, all.Count, "every trial on the front, the highest and lowest of each kind in each column of pixels");
    }

    /// <summary>The boundary of what the front dominates: along the first objective from best to worst, each step goes
    /// to the next point's first value at the current second value, then to the next point. The corner between two
    /// points is dominated by both, whatever the directions.</summary>
    private static void Staircase(MarkupWriter w, StudyFront front, LinearScale x, LinearScale y)
    {
        var points = front.FrontAlongFirst;
        if (points.Count < 2)
        {
            return;
        }

        var path = new PathBuilder().MoveTo(x.Map(points[0].ObjectiveValues[0]), y.Map(points[0].ObjectiveValues[1]));
        for (var k = 1; k < points.Count; k++)
        {
            var (px, py) = (x.Map(points[k].ObjectiveValues[0]), y.Map(points[k].ObjectiveValues[1]));
            path.LineTo(px, y.Map(points[k - 1].ObjectiveValues[1])).LineTo(px, py);
        }

        w.Empty("path", ("d", path.ToString()), ("fill", "none"), ("stroke", Palette.Orange), ("stroke-width", 2));
    }

    private static string Tip(StudySnapshot study, TrialRecord trial) =>
        $"Trial {trial.Number}: {string.Join(", ", trial.ObjectiveValues.Select(v => Invariant.Value(v)))}; "
        + string.Join(", ", ParameterValue.Of(study.Space, trial.Point).Select(p => $"{p.Name}={p.Text}"));

    private static string Violations(TrialRecord trial) =>
        string.Join(", ", (trial.Constraints ?? []).Where(c => c.Value > 0).Select(c => $"{c.Name} {Invariant.Value(c.Value)} above 0"));

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
