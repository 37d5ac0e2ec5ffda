using Dials.Analysis;
using Dials.Reporting.Html.Charts;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>Every trial as a row: number, state, value, duration, the strategy that proposed it (its reason on hover),
/// one column per dimension and the fail reason. Numeric cells carry their exact value in <c>data-v</c> for the
/// optional sorting script. A study of more than <see cref="PagedTrialTable.Above"/> trials gets a paged table instead.</summary>
internal static class TrialTableSection
{
    public static void Write(MarkupWriter w, StudySnapshot study)
    {
        if (study.Trials.Count > PagedTrialTable.Above)
        {
            PagedTrialTable.Write(w, study);
            return;
        }

        Open(w, study, "data sortable trials");
        foreach (var trial in study.Trials)
        {
            Row(w, study.Space.Dimensions, trial);
        }

        w.Close().Close().Close();
    }

    /// <summary>Opens the table's scroll box, the table and its body after the head row.</summary>
    public static void Open(MarkupWriter w, StudySnapshot study, string cssClass)
    {
        w.Open("div", ("class", "table-scroll")).Open("table", ("class", cssClass));
        TableHead.Write(w, new[] { "#", "State", "Value", "Duration", "Strategy" }.Concat(study.Space.Dimensions.Select(d => d.Name)).Append("Fail reason"));
    }

    /// <summary>One trial's row.</summary>
    public static void Row(MarkupWriter w, IReadOnlyList<Dimension> dimensions, TrialRecord trial)
    {
        var state = trial.State.ToString().ToLowerInvariant();
        var shown = TrialValues.Shown(trial);
        w.Open("tr", ("class", $"row-{state}"));
        Number(w, trial.Number, Invariant.Integer(trial.Number));
        w.Open("td").Element("span", state, ("class", $"state state-{state}")).Close();
        if (trial is { State: TrialState.Complete, Values: { Count: > 1 } values })
        {
            // One cell for the vector, sorted by the first objective: a column per objective would differ between studies
            // of the same table layout, and the front section has them one per column.
            w.Element("td", string.Join(", ", values.Select(v => Invariant.Value(v))) + Infeasible(trial), ("class", "num"),
                ("data-v", double.IsFinite(values[0]) ? Invariant.Exact(values[0]) : ""), ("title", string.Join(", ", values.Select(Invariant.Exact))));
        }
        else
        {
            Number(w, shown, shown is { } v ? Invariant.Value(v) + (trial.State == TrialState.Pruned ? " (last)" : Infeasible(trial)) : "–");
        }

        Number(w, trial.Duration?.TotalSeconds, Invariant.Duration(trial.Duration));
        if (trial.Strategy is { } strategy)
        {
            w.Element("td", strategy, ("class", "strategy"), ("title", trial.StrategyReason));
        }
        else
        {
            w.Element("td", "–", ("class", "muted"), ("title", "not recorded"));
        }

        for (var i = 0; i < dimensions.Count; i++)
        {
            var value = i < trial.Point.Count ? trial.Point[i] : double.NaN;
            if (double.IsNaN(value))
            {
                w.Element("td", "–", ("class", "muted"), ("data-v", ""));
            }
            else if (dimensions[i].Kind == DimensionKind.Categorical)
            {
                w.Element("td", dimensions[i].Format(value), ("class", "mono"));
            }
            else if (dimensions[i].Kind == DimensionKind.Float)
            {
                // Short in the table, exact on hover and for sorting: seventeen digits a cell make the table unreadable.
                w.Element("td", Invariant.Value(value), ("class", "num"), ("data-v", Invariant.Exact(value)), ("title", dimensions[i].Format(value)));
            }
            else
            {
                Number(w, value, dimensions[i].Format(value));
            }
        }

        w.Element("td", trial.FailReason ?? "", ("class", "reason")).Close();
    }

    /// <summary>" (infeasible)" after the value of a complete trial that broke a constraint, which is never the best nor on
    /// the front however good its value.</summary>
    private static string Infeasible(TrialRecord trial) =>
        trial.State == TrialState.Complete && !StudyFront.IsFeasible(trial) ? " (infeasible)" : "";

    private static void Number(MarkupWriter w, double? value, string text) =>
        w.Element("td", text, ("class", "num"), ("data-v", value is { } v && double.IsFinite(v) ? Invariant.Exact(v) : ""));
}
