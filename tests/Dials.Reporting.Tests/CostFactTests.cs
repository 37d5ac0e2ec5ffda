using Dials.Reporting.Html;

namespace Dials.Reporting.Tests;

/// <summary>The report's header says what the search cost in processor time, once trials carry it.</summary>
public sealed class CostFactTests
{
    [Fact]
    public void The_header_gives_the_cpu_minutes_once_trials_were_measured()
    {
        var study = ReportStudies.Full();
        var measured = study with { Trials = [.. study.Trials.Select(t => t.IsFinished ? t with { CpuTime = TimeSpan.FromSeconds(30) } : t)] };

        var before = HtmlReport.Render(ReportStudies.Bare(study));
        var after = HtmlReport.Render(ReportStudies.Bare(measured));

        Assert.DoesNotContain("<dt>Cost</dt>", before, StringComparison.Ordinal);
        var finished = measured.Trials.Count(t => t.IsFinished);
        Assert.Contains($"<dt>Cost</dt><dd>{finished * 0.5:G6} CPU-min", after, StringComparison.Ordinal);
    }
}
