using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dials.Reporting.Tests;

/// <summary>Reads a rendered report the way the assertions need it: its SVGs as XML, its links, its sections.</summary>
internal static partial class ReportHtml
{
    /// <summary>Every inline SVG, parsed as XML (throws when one is not well-formed).</summary>
    public static IReadOnlyList<XElement> Svgs(string html) => [.. SvgPattern().Matches(html).Select(m => XElement.Parse(m.Value))];

    /// <summary>The values of every src and href attribute.</summary>
    public static IReadOnlyList<string> Links(string html) =>
        [.. LinkPattern().Matches(html).Select(m => m.Groups["value"].Value)];

    /// <summary>The markup of the section with <paramref name="id"/>.</summary>
    public static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The report has no section '{id}'.");
        return html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + "</section>".Length)];
    }

    /// <summary>The text of the "missing" note of a section, or null when the section has its content.</summary>
    public static string? MissingNote(string html, string id) =>
        MissingPattern().Match(Section(html, id)) is { Success: true } m ? m.Groups["text"].Value : null;

    [GeneratedRegex("<svg[\\s\\S]*?</svg>")]
    private static partial Regex SvgPattern();

    [GeneratedRegex("\\b(?:src|href|xlink:href|action|srcset|poster)\\s*=\\s*[\"']?(?<value>[^\"' >]*)", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<p class=\"missing\">(?<text>[^<]*)</p>")]
    private static partial Regex MissingPattern();
}
