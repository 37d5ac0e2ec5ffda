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
