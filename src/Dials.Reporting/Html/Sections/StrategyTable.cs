using Dials.Analysis;
using Dials.Reporting.Export;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>What each strategy contributed, shown only when the study used more than one (start-up then model, or an
/// automatic choice per trial): its trials and the best value among them, so a reader sees which one found the winner.</summary>
internal static class StrategyTable
{
    public static void Write(MarkupWriter w, StudySnapshot study)
    {
        var strategies = StrategySummary.Of(study);
        if (strategies.Count < 2)
        {
            return;
        }

        w.Open("div", ("class", "table-scroll")).Open("table", ("class", "data strategies"));
        w.Element("caption", "Trials by the strategy that proposed them, in order of first use.");
        TableHead.Write(w, ["Strategy", "Trials", "Complete", "Best value", "Best trial"]);
        foreach (var strategy in strategies)
        {
            w.Open("tr")
                .Element("td", strategy.Strategy, ("class", strategy.Strategy == StrategySummary.NotRecorded ? "muted" : "strategy"))
                .Element("td", Invariant.Integer(strategy.Trials), ("class", "num"))
                .Element("td", Invariant.Integer(strategy.Complete), ("class", "num"))
                .Element("td", Invariant.Value(strategy.BestValue), ("class", "num"))
                .Element("td", strategy.BestTrial is { } number ? "#" + Invariant.Integer(number) : "–", ("class", "num"))
                .Close();
        }

        w.Close().Close().Close();
    }
}
