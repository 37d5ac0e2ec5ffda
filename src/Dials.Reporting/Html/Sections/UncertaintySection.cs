using Dials.Analysis;
using Dials.Reporting.Html.Charts;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>Whether the winner is real: the warnings first and loud, then the noise figures, the top configurations'
/// means with one standard deviation either side, and their parameters.</summary>
internal static class UncertaintySection
{
    public static void Write(MarkupWriter w, UncertaintyReport report)
    {
        foreach (var warning in report.Warnings)
        {
            w.Open("div", ("class", "warning"), ("role", "note"));
            w.Element("strong", WarningTitle(warning.Kind)).Text(" ").Text(warning.Message).Close();
        }

        w.Open("dl", ("class", "facts compact"));
        w.Open("div").Element("dt", "Noise (sd of one score)").Element("dd", report.Noise is { } noise ? Invariant.Value(noise) : "unknown").Close();
        w.Open("div").Element("dt", "Expected selection bias").Element("dd", report.SelectionBias is { } bias ? Invariant.Value(bias) : "unknown").Close();
        w.Close();

        if (report.Top.Count == 0)
        {
            w.Element("p", "No configuration to compare.", ("class", "missing"));
            return;
        }

        UncertaintyChart.Write(w, report);
        w.Open("div", ("class", "table-scroll")).Open("table", ("class", "data"));
        TableHead.Write(w, ["Rank", "Trials", "Mean ± sd", "Samples", "Source", "Parameters"]);
        for (var i = 0; i < report.Top.Count; i++)
        {
            var top = report.Top[i];
            w.Open("tr").Element("td", Invariant.Integer(i + 1), ("class", "num"))
                .Element("td", string.Join(", ", top.TrialNumbers.Select(n => Invariant.Integer(n))), ("class", "num"))
                .Element("td", $"{Invariant.Value(top.Mean)} ± {Invariant.Value(top.StandardDeviation)}", ("class", "num"))
                .Element("td", Invariant.Integer(top.Samples), ("class", "num"))
                .Element("td", top.Source.ToString().ToLowerInvariant())
                .Element("td", string.Join(", ", top.Parameters.Select(p => $"{p.Key} = {p.Value}")), ("class", "mono"))
                .Close();
        }

        w.Close().Close().Close();
    }

    private static string WarningTitle(UncertaintyWarningKind kind) => kind switch
    {
        UncertaintyWarningKind.WithinNoise => "Within noise:",
        UncertaintyWarningKind.ValidationOverfit => "Validation overfit:",
        _ => "Noise unknown:",
    };
}
