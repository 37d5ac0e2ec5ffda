using Dials.Analysis;
using Dials.Reporting.Html.Charts;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>What a study of several objectives offers instead of one best configuration: the trade-off chart and the
/// front's trials as a table (objective values, constraints, parameters), along the first objective.</summary>
internal static class ParetoFrontSection
{
    /// <summary>Rows of the front table; a longer front is cut to this many, evenly spread along the first objective
    /// with both ends kept, and the table says so.</summary>
    public const int MostRows = 100;

    public static void Write(MarkupWriter w, StudySnapshot study, StudyFront front)
    {
        w.Element("p", $"{Invariant.Integer(front.Front.Count)} trials on the front of {Invariant.Integer(front.Feasible)} feasible complete trials"
            + (front.Infeasible.Count > 0 ? $"; {Invariant.Integer(front.Infeasible.Count)} infeasible trials, which are never on it." : "."), ("class", "muted"));
        w.Open("div", ("class", "wide"));
        ParetoChart.Write(w, study, front);
        w.Close();
        if (front.Front.Count == 0)
        {
            w.Element("p", "No feasible complete trial yet, so the front is empty.", ("class", "missing"));
            return;
        }

        var rows = StudyFront.Spread(front.FrontAlongFirst, MostRows);
        var constraints = front.Front.SelectMany(t => t.Constraints ?? []).Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        var dimensions = study.Space.Dimensions;
        w.Open("div", ("class", "table-scroll")).Open("table", ("class", "data sortable front"));
        if (rows.Count < front.Front.Count)
        {
            w.Element("caption", $"{Invariant.Integer(rows.Count)} of the {Invariant.Integer(front.Front.Count)} front trials, evenly spread along {StudyFront.ObjectiveLabel(study.ObjectiveNames, 0)} with both ends.");
        }

        TableHead.Write(w, new[] { "#" }
            .Concat(study.Directions.Select((_, i) => StudyFront.ObjectiveName(study.Directions, study.ObjectiveNames, i)))
            .Concat(constraints.Select(c => $"{c} (≤ 0)"))
            .Concat(dimensions.Select(d => d.Name)));
        foreach (var trial in rows)
        {
            w.Open("tr");
            Number(w, trial.Number, Invariant.Integer(trial.Number));
            foreach (var value in trial.ObjectiveValues)
            {
                Number(w, value, Invariant.Value(value), Invariant.Exact(value));
            }

            foreach (var name in constraints)
            {
                var constraint = (trial.Constraints ?? []).Where(c => c.Name == name).Select(c => (double?)c.Value).FirstOrDefault();
                Number(w, constraint, constraint is { } c ? Invariant.Value(c) : "–");
            }

            for (var i = 0; i < dimensions.Count; i++)
            {
                var value = trial.Point[i];
                if (double.IsNaN(value))
                {
                    w.Element("td", "–", ("class", "muted"), ("data-v", ""));
                }
                else if (dimensions[i].Kind == DimensionKind.Float)
                {
                    // Short in the table, exact on hover, as in the trial table.
                    w.Element("td", Invariant.Value(value), ("class", "num"), ("data-v", Invariant.Exact(value)), ("title", dimensions[i].Format(value)));
                }
                else
                {
                    w.Element("td", dimensions[i].Format(value), ("class", "mono"));
                }
            }

            w.Close();
        }

        w.Close().Close().Close();
    }

    private static void Number(MarkupWriter w, double? value, string text, string? title = null) =>
        w.Element("td", text, ("class", "num"), ("data-v", value is { } v && double.IsFinite(v) ? Invariant.Exact(v) : ""), ("title", title));
}
