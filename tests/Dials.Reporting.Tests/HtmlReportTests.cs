using System.Globalization;
using Dials.Analysis;
using Dials.Reporting.Html;

namespace Dials.Reporting.Tests;

public class HtmlReportTests
{
    private static readonly string[] ChartSections = ["history", "parallel", "slices", "importance", "intermediate", "sensitivity", "uncertainty"];

    [Fact]
    public void A_full_study_has_every_section_with_its_chart_and_nothing_missing()
    {
        var content = ReportStudies.FullContent();
        var html = HtmlReport.Render(content);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        foreach (var id in ChartSections)
        {
            Assert.Contains("<svg", ReportHtml.Section(html, id), StringComparison.Ordinal);
            Assert.Null(ReportHtml.MissingNote(html, id));
        }

        Assert.Null(ReportHtml.MissingNote(html, "best"));
        Assert.Null(ReportHtml.MissingNote(html, "trials"));
        // One slice and one sweep per dimension (the sweeps: those active at the best trial).
        Assert.Equal(content.Study.Space.Dimensions.Count, CountOf(ReportHtml.Section(html, "slices"), "<svg"));
        Assert.Equal(content.Sensitivity!.Sweeps.Count, CountOf(ReportHtml.Section(html, "sensitivity"), "<svg"));
        // Every trial has a row; every chart has an accessible name.
        Assert.Equal(content.Study.Trials.Count, CountOf(ReportHtml.Section(html, "trials"), "<tr class=\"row-"));
        Assert.All(ReportHtml.Svgs(html), svg =>
        {
            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(svg.Element("title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(svg.Element("desc")?.Value));
        });
    }

    [Fact]
    public void The_header_states_the_study_and_its_best_trial()
    {
        var content = ReportStudies.FullContent();
        var html = HtmlReport.Render(content);
        var best = content.Study.Best!;
        var header = html[..html.IndexOf("</header>", StringComparison.Ordinal)];

        Assert.Contains("<h1>mnist-mlp</h1>", header, StringComparison.Ordinal);
        Assert.Contains("minimise", header, StringComparison.Ordinal);
        Assert.Contains($"trial {best.Number}", header, StringComparison.Ordinal);
        Assert.Contains("2025-03-14 09:26:53 UTC", header, StringComparison.Ordinal);
        foreach (var state in new[] { TrialState.Complete, TrialState.Pruned, TrialState.Failed, TrialState.Running })
        {
            var count = content.Study.Trials.Count(t => t.State == state);
            Assert.Contains($"{count} {state.ToString().ToLowerInvariant()}", header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_svg_is_well_formed_xml_with_finite_coordinates()
    {
        var html = HtmlReport.Render(ReportStudies.FullContent());
        var svgs = ReportHtml.Svgs(html);

        Assert.True(svgs.Count >= 5 + 8, $"Expected the charts, slices and sweeps; found {svgs.Count} SVGs.");
        foreach (var attribute in svgs.SelectMany(s => s.DescendantsAndSelf()).SelectMany(e => e.Attributes()))
        {
            Assert.DoesNotContain("NaN", attribute.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", attribute.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hostile_text_never_reaches_the_page_unescaped()
    {
        const string name = "<script>alert(1)</script>";
        const string reason = "</td><script>alert('x')</script> & \"quoted\" \u0001";
        IReadOnlyList<object> choices = ["say \"hi\"", "fish & chips", "<img src=x onerror=alert(2)>"];
        var space = ReportStudies.Space("Opt<i>mizer\"&'", choices);
        var study = ReportStudies.Full(name: name, space: space, failReason: reason, model: "<script>alert(3)</script>");
        var content = new ReportContent(study, ReportStudies.Importance(space, note: "<b>note</b>"),
            ReportStudies.Sensitivity(study, label: "<u>label</u>"), ReportStudies.Uncertainty(study, warning: "<marquee>warn</marquee>"),
            ReportStudies.GeneratedAt);

        var html = HtmlReport.Render(content);

        foreach (var raw in new[] { "<script>alert", "alert('x')", "<img", "<i>", "<b>note", "<u>label", "<marquee>", "\"hi\"", "fish & chips", "\u0001" })
        {
            Assert.DoesNotContain(raw, html, StringComparison.Ordinal);
        }

        Assert.Equal(1, CountOf(html, "<script")); // the report's own sorting script, nothing else
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("fish &amp; chips", html, StringComparison.Ordinal);
        Assert.Contains("Opt&lt;i&gt;mizer&quot;&amp;&#39;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/td&gt;&lt;script&gt;alert(&#39;x&#39;)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;marquee&gt;warn&lt;/marquee&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"strategy\">&lt;script&gt;alert(3)&lt;/script&gt;</td>", html, StringComparison.Ordinal); // the summary
        Assert.NotEmpty(ReportHtml.Svgs(html)); // and the escaped SVGs still parse
    }

    [Fact]
    public void Nothing_points_outside_the_file()
    {
        var html = HtmlReport.Render(ReportStudies.FullContent());

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html.Replace("url(#", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        var links = ReportHtml.Links(html);
        Assert.NotEmpty(links); // the table of contents
        Assert.All(links, link => Assert.StartsWith("#", link, StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_are_invariant_under_a_comma_decimal_culture()
    {
        var content = ReportStudies.FullContent();
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => HtmlReport.Render(content));
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        comma.NumberFormat.PercentDecimalSeparator = ",";

        var underComma = WithCulture(comma, () => HtmlReport.Render(content));

        Assert.Equal(invariant, underComma);
        Assert.Contains("viewBox=\"0 0 1040 340\"", underComma, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_without_trials_says_what_is_missing()
    {
        var html = HtmlReport.Render(ReportStudies.Bare(new StudySnapshot("empty", Direction.Maximize, ReportStudies.Space(), [])));

        Assert.Equal("The study has no trials yet.", ReportHtml.MissingNote(html, "history"));
        Assert.Equal("The study has no trials yet.", ReportHtml.MissingNote(html, "trials"));
        foreach (var id in new[] { "best", "parallel", "slices" })
        {
            Assert.Contains("No trial has completed", ReportHtml.MissingNote(html, id), StringComparison.Ordinal);
        }

        Assert.Contains("not computed", ReportHtml.MissingNote(html, "importance"), StringComparison.Ordinal);
        Assert.Contains("not computed", ReportHtml.MissingNote(html, "sensitivity"), StringComparison.Ordinal);
        Assert.Contains("not estimated", ReportHtml.MissingNote(html, "uncertainty"), StringComparison.Ordinal);
        Assert.Equal("No trial reported intermediate values.", ReportHtml.MissingNote(html, "intermediate"));
        Assert.Contains("none yet", html, StringComparison.Ordinal);
        Assert.Contains("maximise", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_whose_trials_were_all_pruned_draws_them_in_the_history_and_curves()
    {
        var full = ReportStudies.Full();
        var pruned = new StudySnapshot(full.Name, full.Direction, full.Space,
            [.. full.Trials.Select(t => t with { State = TrialState.Pruned, Value = null })]);

        var html = HtmlReport.Render(ReportStudies.Bare(pruned));

        Assert.Null(ReportHtml.MissingNote(html, "history"));
        Assert.Null(ReportHtml.MissingNote(html, "intermediate"));
        Assert.Contains("No trial has completed", ReportHtml.MissingNote(html, "parallel"), StringComparison.Ordinal);
        Assert.Contains("pruned at", ReportHtml.Section(html, "history"), StringComparison.Ordinal);
        Assert.Contains("stopped at step", ReportHtml.Section(html, "intermediate"), StringComparison.Ordinal);
        Assert.NotEmpty(ReportHtml.Svgs(html));
    }

    [Fact]
    public void A_single_trial_and_an_inactive_dimension_still_render()
    {
        var space = ReportStudies.Space();
        var point = new double[space.Dimensions.Count];
        point[0] = 1; // adam: Momentum inactive
        point[1] = double.NaN;
        point[2] = 0.001;
        point[3] = 32;
        point[4] = 4;
        point[5] = 100;
        point[6] = 0.01;
        point[7] = 0.2;
        var trial = new TrialRecord(0, TrialState.Complete, point, 0.25, [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(3));
        var study = new StudySnapshot("one", Direction.Minimize, space, [trial]);
        var content = new ReportContent(study, null, ReportStudies.Sensitivity(study), ReportStudies.Uncertainty(study), ReportStudies.GeneratedAt);

        var html = HtmlReport.Render(content);

        Assert.Null(ReportHtml.MissingNote(html, "parallel"));
        Assert.Null(ReportHtml.MissingNote(html, "best"));
        Assert.Contains("inactive", ReportHtml.Section(html, "best"), StringComparison.Ordinal);
        Assert.Equal(space.Dimensions.Count - 1, CountOf(ReportHtml.Section(html, "sensitivity"), "<svg"));
        foreach (var attribute in ReportHtml.Svgs(html).SelectMany(s => s.DescendantsAndSelf()).SelectMany(e => e.Attributes()))
        {
            Assert.DoesNotContain("NaN", attribute.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_failed_only_study_lists_its_fail_reasons()
    {
        var space = ReportStudies.Space();
        var trials = Enumerable.Range(0, 3).Select(n => new TrialRecord(n, TrialState.Failed, space.DefaultPoint, null, [],
            DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(20), $"boom {n}")).ToList();

        var html = HtmlReport.Render(ReportStudies.Bare(new StudySnapshot("broken", Direction.Minimize, space, trials)));

        Assert.Contains("boom 2", ReportHtml.Section(html, "trials"), StringComparison.Ordinal);
        Assert.Contains("(boom 1)", ReportHtml.Section(html, "history"), StringComparison.Ordinal);
        Assert.Contains("20 ms", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_trial_shows_the_strategy_that_proposed_it_with_the_reason_on_hover()
    {
        var study = ReportStudies.Full();
        var unrecorded = study with { Trials = [.. study.Trials.Select(t => t.Number == 3 ? t with { Strategy = null, StrategyReason = null } : t)] };

        var trials = ReportHtml.Section(HtmlReport.Render(ReportStudies.Bare(unrecorded)), "trials");

        Assert.Contains("<th scope=\"col\">Duration</th><th scope=\"col\">Strategy</th>", trials, StringComparison.Ordinal);
        Assert.Contains("<td class=\"strategy\" title=\"model of 12 trials\">TPE</td>", trials, StringComparison.Ordinal);
        Assert.Contains("<td class=\"strategy\" title=\"the defaults\">queued</td>", trials, StringComparison.Ordinal);
        Assert.Contains("<td class=\"muted\" title=\"not recorded\">–</td>", trials, StringComparison.Ordinal);
    }

    [Fact]
    public void The_best_configuration_says_which_strategy_proposed_it()
    {
        var study = ReportStudies.Full();
        var best = study.Best!;

        var section = ReportHtml.Section(HtmlReport.Render(ReportStudies.Bare(study)), "best");

        Assert.Contains($", proposed by {best.Strategy} ({best.StrategyReason})</caption>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_that_used_several_strategies_summarises_what_each_found()
    {
        var study = ReportStudies.Full();

        var summary = StrategyRows(HtmlReport.Render(ReportStudies.Bare(study)));

        Assert.Equal(["queued", "random start-up", "TPE"], summary.Select(r => r[0]));
        foreach (var row in summary)
        {
            var mine = study.Complete.Where(t => t.Strategy == row[0]).ToList();
            var best = mine.MinBy(t => t.Value)!;
            Assert.Equal(study.Trials.Count(t => t.Strategy == row[0]).ToString(CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(mine.Count.ToString(CultureInfo.InvariantCulture), row[2]);
            Assert.Equal(Html.Markup.Invariant.Value(best.Value), row[3]);
            Assert.Equal($"#{best.Number}", row[4]);
        }

        Assert.Contains(summary, r => r[0] == study.Best!.Strategy && r[4] == $"#{study.Best.Number}");
    }

    [Fact]
    public void A_study_of_one_strategy_has_no_summary_but_keeps_its_column()
    {
        var study = ReportStudies.Full();
        var single = study with { Trials = [.. study.Trials.Select(t => t with { Strategy = "random", StrategyReason = null })] };

        var html = HtmlReport.Render(ReportStudies.Bare(single));

        Assert.Empty(StrategyRows(html));
        Assert.Contains("<td class=\"strategy\">random</td>", ReportHtml.Section(html, "trials"), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_puts_the_rendered_report_in_place_and_leaves_no_temporary_file()
    {
        var directory = Directory.CreateTempSubdirectory("dials-report-");
        try
        {
            var path = Path.Combine(directory.FullName, "report.html");
            File.WriteAllText(path, "old");
            var content = ReportStudies.FullContent();

            HtmlReport.Write(path, content);

            Assert.Equal(HtmlReport.Render(content), File.ReadAllText(path));
            Assert.Single(directory.GetFiles());
            Assert.Throws<ArgumentException>(() => HtmlReport.Write(" ", content));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The cells of each row of the strategy summary, as text; none when the report has no summary.</summary>
    private static List<string[]> StrategyRows(string html)
    {
        var trials = ReportHtml.Section(html, "trials");
        var start = trials.IndexOf("<table class=\"data strategies\">", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var table = System.Xml.Linq.XElement.Parse(trials[start..(trials.IndexOf("</table>", start, StringComparison.Ordinal) + "</table>".Length)]);
        return [.. table.Element("tbody")!.Elements("tr").Select(r => r.Elements("td").Select(c => c.Value).ToArray())];
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
