using Dials.Analysis;
using Dials.Reporting.Html.Charts;
using Dials.Reporting.Html.Markup;
using Dials.Reporting.Html.Sections;

namespace Dials.Reporting.Html;

/// <summary>The report's layout: the document head, the header, a table of contents and the sections in reading order
/// (result first, then how the search went, what mattered, how robust it is, and the raw trials).</summary>
internal static class ReportPage
{
    private static readonly (string Id, string Title)[] Contents =
    [
        ("best", "Best configuration"), ("history", "History"), ("parallel", "Parallel coordinates"), ("slices", "Slices"),
        ("importance", "Importance"), ("intermediate", "Intermediate values"), ("sensitivity", "Sensitivity"),
        ("uncertainty", "Uncertainty"), ("trials", "Trials"),
    ];

    public static string Render(ReportContent content)
    {
        var study = content.Study;
        var w = new MarkupWriter();
        w.Trusted("<!DOCTYPE html>");
        w.Open("html", ("lang", "en"));
        w.Open("head");
        w.Empty("meta", ("charset", "utf-8"));
        w.Empty("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        w.Element("title", $"{study.Name} · Dials study report");
        w.Open("style").Trusted(ReportStyle.Css).Close();
        w.Close();
        w.Open("body");
        w.Open("main");
        HeaderSection.Write(w, content);
        WriteContents(w, study.IsMultiObjective);
        WriteSections(w, content);
        w.Element("footer", $"Made by Dials on {Invariant.Time(content.GeneratedAt)}. This file is self-contained: no network, no external files.");
        w.Close();
        w.Open("script").Trusted(ReportStyle.SortScript).Close();
        w.Close().Close();
        return w.ToString();
    }

    private static void WriteContents(MarkupWriter w, bool multiObjective)
    {
        w.Open("nav", ("class", "toc"), ("aria-label", "Sections"));
        foreach (var (id, title) in Contents)
        {
            // A study of several objectives has no best configuration: its front takes that place.
            var (to, name) = multiObjective && id == "best" ? ("front", "Pareto front") : (id, title);
            w.Element("a", name, ("href", "#" + to));
        }

        w.Close();
    }

    private static void WriteSections(MarkupWriter w, ReportContent content)
    {
        var study = content.Study;
        // A study of several objectives has no single value per trial: the views built on one say so, and the front
        // replaces the best configuration.
        var single = study.IsMultiObjective
            ? $"This study has {Invariant.Integer(study.Directions.Count)} objectives and this view reads one value per trial, so it is left out; the trade-offs are in the Pareto front above."
            : null;
        var noComplete = single ?? (study.Complete.Count == 0 ? "No trial has completed yet, so there is nothing to plot." : null);

        if (study.IsMultiObjective)
        {
            var front = StudyFront.Of(study);
            Section.Write(w, "front", "Pareto front",
                "The trade-offs between the objectives: the front (orange) holds the feasible trials no other feasible trial beats in every objective; each is a best configuration for some weighing of the objectives. Infeasible trials (a constraint above 0) are drawn apart and never on the front.",
                front.Feasible + front.Infeasible.Count == 0 ? "No trial has completed with a value for every objective yet, so there is nothing to plot." : null,
                () => ParetoFrontSection.Write(w, study, front));
        }
        else
        {
            Section.Write(w, "best", "Best configuration", "The parameters of the best complete trial, beside the range each was searched in.",
                noComplete ?? (study.Best is null ? "Every complete trial broke a constraint, so none can be the best." : null), () => BestConfigurationSection.Write(w, study));
        }

        Section.Write(w, "history", "Optimisation history",
            "Each trial's value by trial number. The step line is the best value found so far: long flat stretches mean the search has stopped finding better configurations.",
            single ?? (study.Trials.Count == 0 ? "The study has no trials yet." : null), () => HistoryChart.Write(w, study));

        Section.Write(w, "parallel", "Parallel coordinates",
            "One axis per hyperparameter and the objective on the right; each line is a complete trial, darker is better. Where the dark lines bunch on an axis, good values of that hyperparameter lie.",
            noComplete, () =>
            {
                w.Open("div", ("class", "wide"));
                ParallelCoordinatesChart.Write(w, study);
                w.Close();
            });

        Section.Write(w, "slices", "Slices",
            "The objective against each hyperparameter on its own; the best trial is orange. A clear trend or valley says the hyperparameter matters; a flat cloud says it does not (or interacts with others).",
            noComplete ?? (study.Space.Dimensions.Count == 0 ? "The search space has no dimensions." : null), () => WriteSlices(w, study));

        Section.Write(w, "importance", "Hyperparameter importance",
            "How much of the objective's variation each hyperparameter explains. Whiskers show the estimate's spread: overlapping whiskers mean the order between them is uncertain.",
            single ?? (content.Importance is null ? "Importance was not computed for this report (it needs at least two complete trials)." : null),
            () => WriteImportance(w, content.Importance!));

        Section.Write(w, "intermediate", "Intermediate values",
            "The values trials reported part-way (per epoch, fold or round). Pruned trials end in an × where the pruner stopped them; if their curves would have crossed the blue ones, pruning was too eager.",
            IntermediateChart.HasData(study) ? null : "No trial reported intermediate values.", () => IntermediateChart.Write(w, study));

        if (content.RangeTest is { Points.Count: > 1 } rangeTest)
        {
            Section.Write(w, "range-test", "Learning-rate range test",
                "The loss while the learning rate grew step by step on one model (Smith, 2017): the suggested rate sits well below where the loss blows up, where it was still falling.",
                null, () => RangeTestChart.Write(w, rangeTest));
        }

        Section.Write(w, "sensitivity", "Sensitivity around the best configuration",
            "Each hyperparameter moved alone from the best configuration (dotted line). Scores on the good side of the dashed threshold are tolerated (green); the shaded run is how far the dial can move safely.",
            single ?? (content.Sensitivity is null ? "Sensitivity sweeps were not computed for this report."
            : content.Sensitivity.Sweeps.Count == 0 ? "No dimension was active at the centre, so there is nothing to sweep." : null),
            () => WriteSensitivity(w, content, content.Sensitivity!));

        Section.Write(w, "uncertainty", "Uncertainty",
            "Whether the best result stands out from noise: the top configurations' mean scores with one standard deviation either side.",
            single ?? (content.Uncertainty is null ? "Uncertainty was not estimated for this report." : null), () => UncertaintySection.Write(w, content.Uncertainty!));

        AuthorSections.Write(w, content.Sections);
        Section.Write(w, "trials", "Trials",
            "Every trial in number order, with the strategy that proposed it (hover over it for why). With scripts enabled, click a column heading to sort.",
            study.Trials.Count == 0 ? "The study has no trials yet." : null, () =>
            {
                StrategyTable.Write(w, study);
                TrialTableSection.Write(w, study);
            });
    }

    private static void WriteSlices(MarkupWriter w, StudySnapshot study)
    {
        var values = study.Complete.Select(t => t.Value!.Value).ToList();
        var shared = Svg.LinearScale.Covering(values, 0, 1);
        w.Open("div", ("class", "grid"));
        for (var i = 0; i < study.Space.Dimensions.Count; i++)
        {
            w.Open("figure");
            SliceChart.Write(w, study, i, (shared.Low, shared.High));
            w.Close();
        }

        w.Close();
        Legend.Write(w, ("dot", Svg.Palette.Blue, "complete trial"), ("dot", Svg.Palette.Orange, "best trial"));
    }

    private static void WriteImportance(MarkupWriter w, ImportanceResult importance)
    {
        w.Element("p", $"Method: {MethodName(importance.Method)}, from {Invariant.Integer(importance.TrialsUsed)} complete trials.", ("class", "muted"));
        if (importance.Dimensions.Count == 0)
        {
            w.Element("p", "No dimension to rank.", ("class", "missing"));
        }
        else
        {
            ImportanceChart.Write(w, importance);
        }

        Notes(w, importance.Notes);
    }

    private static void WriteSensitivity(MarkupWriter w, ReportContent content, SensitivityResult sensitivity)
    {
        w.Element("p", $"Scores {(sensitivity.Source == SensitivitySource.Surrogate ? "predicted by a surrogate model of the trials (no new runs)" : "measured by running the objective")}; "
            + $"centre score {Invariant.Value(sensitivity.CenterScore)}, threshold {Invariant.Value(sensitivity.Threshold)}.", ("class", "muted"));
        w.Open("div", ("class", "grid"));
        foreach (var sweep in sensitivity.Sweeps)
        {
            w.Open("figure");
            SensitivityChart.Write(w, content.Study, sensitivity, sweep);
            w.Element("figcaption", $"{Invariant.Percent(sweep.SafeFraction)} of the swept values tolerated.");
            w.Close();
        }

        w.Close();
        Legend.Write(w, ("dot", Svg.Palette.Green, "tolerated"), ("ring", Svg.Palette.Vermillion, "degraded"), ("dash", Svg.Palette.Vermillion, "threshold"),
            ("band", Svg.Palette.Green, "tolerated run around the centre"), ("dash", Svg.Palette.Ink, "centre"));
    }

    private static string MethodName(ImportanceMethod method) => method switch
    {
        ImportanceMethod.Fanova => "fANOVA over a random-forest surrogate",
        ImportanceMethod.Fast => "fast estimate (variance between bins of each hyperparameter)",
        _ => "automatic",
    };

    private static void Notes(MarkupWriter w, IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        w.Open("ul", ("class", "notes"));
        foreach (var note in notes)
        {
            w.Element("li", note);
        }

        w.Close();
    }
}
