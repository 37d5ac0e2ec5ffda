using Dials.Analysis;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>The best trial's parameters, each beside the range it was searched in, and the strategy that proposed it.</summary>
internal static class BestConfigurationSection
{
    public static void Write(MarkupWriter w, StudySnapshot study)
    {
        var best = study.Best!;
        w.Open("table", ("class", "data best"));
        var proposed = best.Strategy is { } strategy ? $", proposed by {strategy}{(best.StrategyReason is { } why ? $" ({why})" : "")}" : "";
        w.Element("caption", $"Trial {best.Number}, value {Invariant.Value(best.Value)}{proposed}");
        TableHead.Write(w, ["Parameter", "Value", "Searched"]);
        for (var i = 0; i < study.Space.Dimensions.Count; i++)
        {
            var dimension = study.Space.Dimensions[i];
            var value = best.Point[i];
            w.Open("tr").Element("th", dimension.Name, ("scope", "row"));
            if (double.IsNaN(value))
            {
                w.Element("td", "inactive", ("class", "muted"));
            }
            else
            {
                w.Element("td", dimension.Format(value), ("class", "mono"));
            }

            w.Element("td", Searched(study.Space, i), ("class", "muted")).Close();
        }

        w.Close().Close();
    }

    /// <summary>The range in a few words: the choices, or the bounds with their scale and step, and the condition.</summary>
    private static string Searched(SearchSpace space, int index)
    {
        var d = space.Dimensions[index];
        var range = d.Kind switch
        {
            DimensionKind.Categorical => string.Join(" | ", Enumerable.Range(0, d.Choices.Count).Select(i => d.Format(i))),
            DimensionKind.PowerOfTwo => $"powers of two {d.Format(d.Low)} … {d.Format(d.High)}",
            _ => $"{d.Format(d.Low)} … {d.Format(d.High)}" + (d.Log ? ", log" : "")
                 + (d.Step > 0 && !(d.Kind == DimensionKind.Int && d.Step == 1) ? $", step {d.Format(d.Step)}" : ""),
        };
        if (d.Condition is null)
        {
            return range;
        }

        var parent = space.Dimensions[space.ParentOf(index)];
        return $"{range}; only when {parent.Name} is {string.Join(" or ", d.Condition.Values.Select(parent.Format))}";
    }
}
