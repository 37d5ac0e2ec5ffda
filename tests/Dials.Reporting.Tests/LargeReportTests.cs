using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dials.Reporting.Html;
using Dials.Reporting.Html.Charts;
using Dials.Reporting.Html.Sections;

namespace Dials.Reporting.Tests;

/// <summary>
/// A report of a large study stays small enough to open: charts draw a bounded summary that keeps what the eye looks
/// for (the best, every improvement, the outline of the cloud) and say so, and the table pages from embedded JSON
/// that still holds every trial.
/// </summary>
public partial class LargeReportTests
{
    private static readonly Lazy<(ReportContent Content, string Html)> Large = new(() =>
    {
        var content = ReportStudies.FullContent(ReportStudies.Full(20_000));
        return (content, HtmlReport.Render(content));
    });

    [Fact]
    public void A_20000_trial_report_is_under_5_MB()
    {
        var bytes = Encoding.UTF8.GetByteCount(Large.Value.Html);
        Assert.True(bytes < 5_000_000, $"The 20,000-trial report is {bytes:N0} bytes.");
        KeepBesideTheTests("report-20000.html", Large.Value.Html);
    }

    [Fact]
    public void Its_charts_draw_a_bounded_summary_that_keeps_the_best_and_every_improvement_and_says_so()
    {
        var (content, html) = Large.Value;
        var study = content.Study;
        var history = ReportHtml.Section(html, "history");
        var marks = Titles(history).ToList();
        Assert.InRange(marks.Count, Thinning.HistoryDots / 2, Thinning.HistoryDots);
        Assert.Contains($"Drawn: {marks.Count} of {study.Trials.Count(t => t.State != TrialState.Running)} trials", history, StringComparison.Ordinal);
        var drawn = marks.ToHashSet();
        double? bestSoFar = null;
        foreach (var trial in study.Complete.Where(t => bestSoFar is not { } b || study.IsBetter(t.Value!.Value, b)))
        {
            bestSoFar = trial.Value;
            Assert.Contains(trial.Number, drawn);
        }

        var slices = ReportHtml.Section(html, "slices");
        var sliceCharts = ReportHtml.Svgs(slices);
        Assert.Equal(study.Space.Dimensions.Count, sliceCharts.Count);
        Assert.All(sliceCharts, svg => Assert.InRange(svg.Descendants().Count(e => e.Name.LocalName == "circle"), 1, Thinning.SliceDots));
        // The best trial is in every slice of a dimension active for it.
        for (var i = 0; i < sliceCharts.Count; i++)
        {
            Assert.Equal(!double.IsNaN(study.Best!.Point[i]), sliceCharts[i].ToString().Contains($"Trial {study.Best.Number}:", StringComparison.Ordinal));
        }

        Assert.Equal(sliceCharts.Count, Regex.Matches(slices, "Drawn: \\d+ of \\d+ trials").Count);

        var parallel = ReportHtml.Section(html, "parallel");
        Assert.Equal(Thinning.MostLines, Regex.Matches(parallel, "<path [^>]*stroke-opacity=\"0.75\"").Count);
        Assert.Contains($"Trial {study.Best!.Number}:", parallel, StringComparison.Ordinal);
        Assert.InRange(ReportHtml.Section(html, "intermediate").Split("<title>Trial ").Length - 1, 1, 2 * Thinning.MostLines);
    }

    [Fact]
    public void Its_table_shows_the_best_page_and_embeds_every_trial_best_first()
    {
        var (content, html) = Large.Value;
        var study = content.Study;
        var trials = ReportHtml.Section(html, "trials");
        var rows = RowNumbers(trials).ToList();
        Assert.Equal(PagedTrialTable.PageSize, rows.Count);
        Assert.Equal(study.Best!.Number, rows[0]);

        using var data = JsonDocument.Parse(EmbeddedRows().Match(html).Groups["json"].Value);
        var embedded = data.RootElement.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt32()).ToList();
        Assert.Equal(study.Trials.Count, embedded.Count);
        Assert.Equal(Enumerable.Range(0, study.Trials.Count), embedded.Order());
        Assert.Equal(rows, embedded.Take(PagedTrialTable.PageSize));
    }

    [Fact]
    public void Hostile_text_in_the_embedded_rows_is_escaped()
    {
        var study = ReportStudies.Full(PagedTrialTable.Above + 1, failReason: "</script><script>alert(1)</script> & \"x\"",
            model: "<img src=x onerror=alert(2)>");
        var html = HtmlReport.Render(ReportStudies.Bare(study));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(EmbeddedRows().Match(html).Groups["json"].Value);
        Assert.Contains("</script><script>alert(1)</script> & \"x\"", data.RootElement.GetProperty("strings").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void A_study_of_a_thousand_trials_has_its_history_drawn_and_its_table_listed_in_full()
    {
        var study = ReportStudies.Full(PagedTrialTable.Above);
        var html = HtmlReport.Render(ReportStudies.FullContent(study));
        KeepBesideTheTests("report-1000.html", html);

        Assert.DoesNotContain("Drawn: ", ReportHtml.Section(html, "history"), StringComparison.Ordinal);
        Assert.Equal(study.Trials.Count(t => t.State != TrialState.Running), Titles(ReportHtml.Section(html, "history")).Count());
        Assert.DoesNotContain("trial-rows", html, StringComparison.Ordinal);
        Assert.Equal(study.Trials.Count, RowNumbers(ReportHtml.Section(html, "trials")).Count());
    }

    /// <summary>Keeps a report beside the test output, to look at or time in a browser (docs/benchmarks.md).</summary>
    private static void KeepBesideTheTests(string name, string html) => File.WriteAllText(Path.Combine(AppContext.BaseDirectory, name), html);

    private static IEnumerable<int> Titles(string section) =>
        TrialTitle().Matches(section).Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<int> RowNumbers(string section) =>
        FirstCell().Matches(section).Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("<title>Trial (?<n>\\d+):")]
    private static partial Regex TrialTitle();

    [GeneratedRegex("<tr class=\"row-\\w+\"><td class=\"num\" data-v=\"\\d+\">(?<n>\\d+)</td>")]
    private static partial Regex FirstCell();

    [GeneratedRegex("<script type=\"application/json\" id=\"trial-rows\">(?<json>[\\s\\S]*?)</script>")]
    private static partial Regex EmbeddedRows();
}
