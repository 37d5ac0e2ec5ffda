using System.Xml.Linq;
using Dials.Reporting.Html;

namespace Dials.Reporting.Tests;

/// <summary>The report of a study of several objectives: the Pareto front's chart and table in place of the best
/// configuration, infeasible trials drawn apart and never on the front, and every view that reads one value per trial
/// left out with its reason rather than failing or showing nothing.</summary>
public class ParetoReportTests
{
    private static readonly XNamespace Svg = XNamespace.None; // the report writes inline SVG without a namespace

    private static readonly string[] OneValueSections = ["history", "parallel", "slices", "importance", "sensitivity", "uncertainty"];

    [Fact]
    public void Two_objectives_get_one_scatter_with_the_front_as_a_staircase_and_infeasible_trials_apart()
    {
        var study = ReportStudies.MultiObjective(2);
        var html = HtmlReport.Render(ReportStudies.Bare(study));
        var section = ReportHtml.Section(html, "front");
        var svg = Assert.Single(ReportHtml.Svgs(section));
        var (front, dominated, infeasible) = Expected(study);
        // The test means something only if an infeasible trial would be on the front were it feasible.
        Assert.Contains(infeasible, t => !dominated.Concat(front).Any(f => Dominates(f, t, study.Directions)));

        var circles = svg.Descendants(Svg + "circle").ToList();
        Assert.Equal(front.Select(t => t.Number).Order(), Numbers(circles.Where(c => (string?)c.Attribute("fill") == "#E69F00")));
        Assert.Equal(dominated.Select(t => t.Number).Order(), Numbers(circles.Where(c => (string?)c.Attribute("fill") == "#0072B2")));
        Assert.Equal(infeasible.Select(t => t.Number).Order(), Numbers(circles.Where(c => (string?)c.Attribute("stroke") == "#D55E00")));
        Assert.All(circles.Where(c => (string?)c.Attribute("stroke") == "#D55E00"), c => Assert.Contains("infeasible: memory 12.5 above 0", c.Value, StringComparison.Ordinal));
        // The staircase: one orange path with a corner between each pair of neighbouring front points.
        var staircase = Assert.Single(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("stroke") == "#E69F00");
        Assert.Equal(1 + 2 * (front.Count - 1), ((string)staircase.Attribute("d")!).Count(c => c is 'M' or 'L'));
        Assert.Contains("Objective 1 (minimise)", svg.Value, StringComparison.Ordinal);
        Assert.Contains("Objective 2 (minimise)", svg.Value, StringComparison.Ordinal);
        Assert.Contains("infeasible (a constraint above 0; never on the front)", section, StringComparison.Ordinal);
        Assert.Contains($"{front.Count} of {front.Count + dominated.Count} feasible complete trials on the Pareto front", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);

        // The table: the front along objective 1, no infeasible trial.
        var rows = TableNumbers(section);
        Assert.Equal(front.OrderBy(t => t.ObjectiveValues[0]).ThenBy(t => t.Number).Select(t => t.Number), rows);
        Assert.Empty(rows.Intersect(infeasible.Select(t => t.Number)));
    }

    [Fact]
    public void Named_objectives_are_shown_by_their_stored_names_in_the_header_chart_and_table()
    {
        var study = ReportStudies.MultiObjective(3) with { ObjectiveNames = ["error", "latency ms", "accuracy"] };
        var html = HtmlReport.Render(ReportStudies.Bare(study));
        var section = ReportHtml.Section(html, "front");
        var svgs = ReportHtml.Svgs(section);

        Assert.Contains("<dt>Objectives</dt><dd>error (minimise), latency ms (minimise), accuracy (maximise)</dd>", html, StringComparison.Ordinal);
        Assert.Equal("error against latency ms of error-vs-latency", svgs[0].Element(Svg + "title")!.Value);
        Assert.Contains("latency ms (minimise)", svgs[^1].Value, StringComparison.Ordinal);
        Assert.Contains("accuracy (maximise)", svgs[^1].Value, StringComparison.Ordinal);
        Assert.Contains("error (minimise)", section[section.IndexOf("<table", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("bjective 1", section, StringComparison.Ordinal);
        Assert.Equal(study.ObjectiveNames, StudyFront.Of(study).ObjectiveNames);
        Assert.Equal("latency ms (minimise)", StudyFront.ObjectiveName(study.Directions, study.ObjectiveNames, 1));
        Assert.Equal("objective 2 (minimise)", StudyFront.ObjectiveName(study.Directions, 1));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 6)]
    public void Three_or_more_objectives_get_one_scatter_per_pair(int objectives, int pairs)
    {
        var study = ReportStudies.MultiObjective(objectives);
        var html = HtmlReport.Render(ReportStudies.Bare(study));
        var svgs = ReportHtml.Svgs(ReportHtml.Section(html, "front"));

        Assert.Equal(pairs, svgs.Count);
        var (front, _, infeasible) = Expected(study);
        Assert.All(svgs, svg =>
        {
            Assert.Equal(front.Count, svg.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("fill") == "#E69F00"));
            Assert.Equal(infeasible.Count, svg.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("stroke") == "#D55E00"));
            Assert.DoesNotContain(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("stroke") == "#E69F00"); // no staircase
        });
        Assert.Equal("Objective 1 against objective 2 of error-vs-latency", svgs[0].Element(Svg + "title")!.Value);
        Assert.Contains($"Objective {objectives - 1} against objective {objectives} of", svgs[^1].Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains(objectives == 3 ? "objective 3 (maximise)" : "objective 4 (minimise)", ReportHtml.Section(html, "front"), StringComparison.Ordinal);
        Assert.Equal(front.Count, TableNumbers(ReportHtml.Section(html, "front")).Count);
    }

    [Fact]
    public void Views_of_one_value_are_left_out_with_the_reason_and_the_rest_shows_the_vectors()
    {
        var study = ReportStudies.MultiObjective(2);
        var skipped = new List<(string, string)>();
        var content = ReportContent.Analyse(study, skipped: (name, why) => skipped.Add((name, why)));
        var html = HtmlReport.Render(content);

        Assert.Equal(["importance", "sensitivity", "uncertainty"], skipped.Select(s => s.Item1));
        Assert.All(skipped, s => Assert.Contains("has 2 objectives", s.Item2, StringComparison.Ordinal));
        foreach (var id in OneValueSections)
        {
            Assert.StartsWith("This study has 2 objectives and this view reads one value per trial", ReportHtml.MissingNote(html, id), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<section id=\"best\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#front\">Pareto front</a>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Objectives</dt><dd>minimise, minimise</dd>", html, StringComparison.Ordinal);
        Assert.Null(ReportHtml.MissingNote(html, "trials"));
        var first = study.Trials[0];
        Assert.Contains($">{string.Join(", ", first.ObjectiveValues.Select(v => v.ToString("G5", System.Globalization.CultureInfo.InvariantCulture)))}<", ReportHtml.Section(html, "trials"), StringComparison.Ordinal);
        Assert.Contains(" (infeasible)<", ReportHtml.Section(html, "trials"), StringComparison.Ordinal);
        Assert.NotEmpty(ReportHtml.Svgs(html)); // and every one is well-formed XML
    }

    [Fact]
    public void A_study_of_several_objectives_with_no_trial_or_no_feasible_one_still_renders()
    {
        var study = ReportStudies.MultiObjective(3);
        var empty = study with { Trials = [] };
        Assert.StartsWith("No trial has completed", ReportHtml.MissingNote(HtmlReport.Render(ReportStudies.Bare(empty)), "front"), StringComparison.Ordinal);

        var allInfeasible = study with
        {
            Trials = [.. study.Trials.Select(t => t.Constraints is null ? t : t with { Constraints = [new ConstraintValue("memory", 1)] })],
        };
        var html = HtmlReport.Render(ReportStudies.Bare(allInfeasible));
        Assert.Equal("No feasible complete trial yet, so the front is empty.", ReportHtml.MissingNote(html, "front"));
        Assert.Equal(3, ReportHtml.Svgs(ReportHtml.Section(html, "front")).Count); // the infeasible trials are still drawn
    }

    [Fact]
    public void An_infeasible_trial_is_never_the_best_of_a_single_objective_study()
    {
        var study = ReportStudies.Full();
        var best = study.Best!;
        var broken = study with
        {
            Trials = [.. study.Trials.Select(t => t.Number == best.Number ? t with { Constraints = [new ConstraintValue("latency", 2)] } : t)],
        };
        var html = HtmlReport.Render(ReportStudies.Bare(broken));

        Assert.NotEqual(best.Number, broken.Best!.Number);
        Assert.Contains($"<small>trial {broken.Best.Number}</small>", html, StringComparison.Ordinal);
        Assert.Contains(" (infeasible)<", ReportHtml.Section(html, "trials"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_study_of_several_objectives_draws_its_whole_front_and_pages_its_vectors_front_first()
    {
        var study = ReportStudies.MultiObjective(2, 5000);
        var html = HtmlReport.Render(ReportStudies.Bare(study));
        var front = StudyFront.Of(study);

        var svg = Assert.Single(ReportHtml.Svgs(ReportHtml.Section(html, "front")));
        var circles = svg.Descendants(Svg + "circle").ToList();
        Assert.InRange(circles.Count, Html.Charts.Thinning.HistoryDots / 2, Html.Charts.Thinning.HistoryDots + front.Front.Count);
        Assert.Equal(front.Front.Select(t => t.Number).Order(), Numbers(circles.Where(c => (string?)c.Attribute("fill") == "#E69F00")));
        Assert.Contains($"Drawn: {circles.Count} of {front.Feasible + front.Infeasible.Count} trials", ReportHtml.Section(html, "front"), StringComparison.Ordinal);

        // The paged table's data: every trial, the front first, each complete trial's values as an array.
        var data = html[(html.IndexOf("id=\"trial-rows\">", StringComparison.Ordinal) + "id=\"trial-rows\">".Length)..];
        using var json = System.Text.Json.JsonDocument.Parse(data[..data.IndexOf("</script>", StringComparison.Ordinal)]);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(study.Trials.Count, rows.Count);
        var along = front.FrontAlongFirst.Select(t => t.Number).ToList();
        Assert.Equal(along, rows.Take(along.Count).Select(r => r[0].GetInt32()));
        Assert.Equal(2, rows[0][2].GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows.Single(r => r[0].GetInt32() == study.Trials.Count - 1)[2].ValueKind); // running
    }

    /// <summary>The front, the other feasible trials and the infeasible ones, by brute force over every pair.</summary>
    private static (List<TrialRecord> Front, List<TrialRecord> Dominated, List<TrialRecord> Infeasible) Expected(StudySnapshot study)
    {
        var complete = study.Trials.Where(t => t.State == TrialState.Complete).ToList();
        var feasible = complete.Where(t => t.Constraints!.All(c => c.Value <= 0)).ToList();
        var front = feasible.Where(t => !feasible.Any(o => Dominates(o, t, study.Directions))).ToList();
        return (front, [.. feasible.Except(front)], [.. complete.Except(feasible)]);
    }

    private static bool Dominates(TrialRecord a, TrialRecord b, IReadOnlyList<Direction> directions)
    {
        var better = false;
        for (var i = 0; i < directions.Count; i++)
        {
            var sign = directions[i] == Direction.Minimize ? 1 : -1;
            var (x, y) = (sign * a.ObjectiveValues[i], sign * b.ObjectiveValues[i]);
            if (x > y)
            {
                return false;
            }

            better |= x < y;
        }

        return better;
    }

    private static List<int> Numbers(IEnumerable<XElement> marks) =>
        [.. marks.Select(m => int.Parse(m.Element(Svg + "title")!.Value.Split(':')[0]["Trial ".Length..], System.Globalization.CultureInfo.InvariantCulture)).Order()];

    private static List<int> TableNumbers(string section)
    {
        var table = section[section.IndexOf("<table class=\"data sortable front\">", StringComparison.Ordinal)..];
        return [.. System.Text.RegularExpressions.Regex.Matches(table, "<tr><td class=\"num\" data-v=\"(\\d+)\"")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
