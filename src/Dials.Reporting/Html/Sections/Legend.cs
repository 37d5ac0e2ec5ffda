using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>A chart's key as HTML under it: text wraps and stays selectable, and the shapes match the marks.</summary>
internal static class Legend
{
    /// <summary>One entry per mark: its shape (dot, ring, line, dash, cross, triangle, band), colour and meaning.</summary>
    public static void Write(MarkupWriter w, params ReadOnlySpan<(string Shape, string Colour, string Label)> entries)
    {
        w.Open("ul", ("class", "legend"));
        foreach (var (shape, colour, label) in entries)
        {
            w.Open("li").Element("span", null, ("class", $"key key-{shape}"), ("style", $"color:{colour}"), ("aria-hidden", "true")).Text(label).Close();
        }

        w.Close();
    }
}
