using Dials.Analysis;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>The top of the report: the study's name and its facts at a glance.</summary>
internal static class HeaderSection
{
    public static void Write(MarkupWriter w, ReportContent content)
    {
        var study = content.Study;
        var best = study.Best;
        w.Open("header", ("class", "report-header"));
        w.Open("p", ("class", "kicker")).Text("Dials study report").Element("span", $"generated {Invariant.Time(content.GeneratedAt)}", ("class", "generated")).Close();
        w.Element("h1", study.Name);
        w.Open("dl", ("class", "facts"));
        if (study.IsMultiObjective)
        {
            Fact(w, "Objectives", study.ObjectiveNames is null
                ? string.Join(", ", study.Directions.Select(d => d == Direction.Minimize ? "minimise" : "maximise"))
                : string.Join(", ", study.Directions.Select((_, i) => StudyFront.ObjectiveName(study.Directions, study.ObjectiveNames, i))));
        }
        else
        {
            Fact(w, "Direction", study.Direction == Direction.Minimize ? "minimise" : "maximise");
        }

        w.Open("div").Element("dt", "Trials").Open("dd").Text(Invariant.Integer(study.Trials.Count));
        w.Open("span", ("class", "states"));
        foreach (var state in Enum.GetValues<TrialState>())
        {
            var count = study.Trials.Count(t => t.State == state);
            if (count > 0)
            {
                w.Element("span", $"{Invariant.Integer(count)} {state.ToString().ToLowerInvariant()}", ("class", $"state state-{state.ToString().ToLowerInvariant()}"));
            }
        }

        w.Close().Close().Close();
        if (study.IsMultiObjective)
        {
            var front = StudyFront.Of(study);
            Fact(w, "Pareto front", $"{Invariant.Integer(front.Front.Count)} trials", $"of {Invariant.Integer(front.Feasible)} feasible");
        }
        else
        {
            Fact(w, "Best value", best is null ? "none yet" : Invariant.Value(best.Value), best is null ? null : $"trial {best.Number}");
        }

        Fact(w, "Dimensions", Invariant.Integer(study.Space.Dimensions.Count));
        if (Export.TuningCost.Of(study.Trials) is { Measured: > 0 } cost)
        {
            // What the search cost, and what it bought over the declared defaults when it ran them.
            var gain = Export.TuningCost.GainOverDefaults(study);
            Fact(w, "Cost", $"{Invariant.Value(cost.CpuTime.TotalMinutes)} CPU-min",
                gain is null ? $"{Invariant.Value(cost.TrialTime.TotalMinutes)} trial-min" : $"gain over the defaults {Invariant.Value(gain.Gain)}");
        }
        w.Close().Close();
    }

    private static void Fact(MarkupWriter w, string name, string value, string? note = null)
    {
        w.Open("div").Element("dt", name).Open("dd").Text(value);
        if (note is not null)
        {
            w.Element("small", note);
        }

        w.Close().Close();
    }
}
