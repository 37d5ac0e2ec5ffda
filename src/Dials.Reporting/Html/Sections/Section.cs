using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>The frame every part of the report shares: a labelled section with a heading, a line saying how to read
/// it, and a short note in place of the body when its data is missing (so a reader knows it was not forgotten).</summary>
internal static class Section
{
    /// <summary>A section with <paramref name="body"/>, or with <paramref name="missing"/> said instead when it is set.</summary>
    public static void Write(MarkupWriter w, string id, string title, string lead, string? missing, Action body)
    {
        w.Open("section", ("id", id), ("aria-labelledby", id + "-title"));
        w.Element("h2", title, ("id", id + "-title"));
        w.Element("p", lead, ("class", "lead"));
        if (missing is null)
        {
            body();
        }
        else
        {
            w.Element("p", missing, ("class", "missing"));
        }

        w.Close();
    }
}
