using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>The header row every data table of the report starts with.</summary>
internal static class TableHead
{
    /// <summary>Writes <c>&lt;thead&gt;</c> with one column heading per entry and opens <c>&lt;tbody&gt;</c>.</summary>
    public static void Write(MarkupWriter w, IEnumerable<string> headings)
    {
        w.Open("thead").Open("tr");
        foreach (var heading in headings)
        {
            w.Element("th", heading, ("scope", "col"));
        }

        w.Close().Close().Open("tbody");
    }
}
