using Dials.Practice;
using Dials.Reporting.Html;

namespace Dials.Reporting.Tests;

/// <summary>A learning-rate range test given to the report gets a section of its own: the curve on a log scale with
/// the suggested rate, the steepest descent and the divergence marked; without one there is no such section.</summary>
public sealed class RangeTestSectionTests
{
    private static LearningRateRangeResult Curve()
    {
        // A loss that falls, bottoms out near 0.3 and blows up past 3.
        var points = Enumerable.Range(0, 60).Select(i =>
        {
            var rate = 1e-4 * Math.Pow(10, i / 12.0);
            var loss = 2 - Math.Tanh(Math.Log10(rate / 1e-3)) + (rate > 3 ? rate : 0);
            return new RangeTestPoint(rate, loss, loss);
        }).ToList();
        return new LearningRateRangeResult(points, SuggestedRate: 0.01, MinimumLossRate: 0.3, SteepestRate: 0.001, DivergenceRate: 5);
    }

    [Fact]
    public void The_section_draws_the_curve_and_marks_the_rates()
    {
        var html = HtmlReport.Render(ReportStudies.Bare(ReportStudies.Full()) with { RangeTest = Curve() });

        var section = ReportHtml.Section(html, "range-test");
        Assert.Contains("Learning-rate range test", section, StringComparison.Ordinal);
        Assert.Contains("<title>suggested rate: 0.01</title>", section, StringComparison.Ordinal);
        Assert.Contains("<title>steepest descent: 0.001</title>", section, StringComparison.Ordinal);
        Assert.Contains("<title>divergence: 5</title>", section, StringComparison.Ordinal);
        Assert.Equal(60, section.Split("<circle", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public void Without_a_range_test_there_is_no_section()
    {
        Assert.DoesNotContain("id=\"range-test\"", HtmlReport.Render(ReportStudies.Bare(ReportStudies.Full())), StringComparison.Ordinal);
    }
}

/// <summary>Sections the report's author writes (the model card's <c>CardSection</c>s) appear before the trials.</summary>
public sealed class AuthorSectionTests
{
    [Fact]
    public void Each_author_section_is_a_table_of_its_facts_before_the_trials()
    {
        var content = ReportStudies.Bare(ReportStudies.Full()) with
        {
            Sections = [new Export.CardSection("Population-based training schedule", [new("Steps 0-4", "H0 1, H1 0 <given>"), new("Steps 4-8", "H0 0.8")])],
        };

        var html = HtmlReport.Render(content);

        var section = ReportHtml.Section(html, "author-1");
        Assert.Contains("<h2 id=\"author-1-title\">Population-based training schedule</h2>", section, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Steps 0-4</th><td>H0 1, H1 0 &lt;given&gt;</td>", section, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"author-1\"", StringComparison.Ordinal) < html.IndexOf("id=\"trials\"", StringComparison.Ordinal));
    }
}
