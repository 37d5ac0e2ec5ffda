using Dials.Reporting.Export;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Html.Sections;

/// <summary>Sections only the report's author can write (a population-based training schedule, data and split facts),
/// the same <see cref="CardSection"/>s a model card takes, each as a table of its facts.</summary>
internal static class AuthorSections
{
    public static void Write(MarkupWriter w, IReadOnlyList<CardSection> sections)
    {
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            Section.Write(w, $"author-{s + 1}", section.Title, "Written by the program that made this report.", null, () =>
            {
                w.Open("table", ("class", "data"));
                w.Open("tbody");
                foreach (var fact in section.Facts)
                {
                    w.Open("tr").Element("th", fact.Name, ("scope", "row")).Element("td", fact.Text).Close();
                }

                w.Close().Close();
            });
        }
    }
}
