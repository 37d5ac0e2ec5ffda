using System.Text;

namespace Dials.Reporting.Html.Markup;

/// <summary>
/// Escapes user text (study names, dimension names, choices, fail reasons) for HTML and inline SVG. One escaper for
/// text and quoted attribute values alike, so no call site has to know which context it is in.
/// </summary>
internal static class HtmlText
{
    /// <summary>The text with <c>&amp; &lt; &gt; " '</c> as entities and control characters (which XML forbids, so
    /// an SVG would stop being well-formed) replaced by U+FFFD.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when IsForbiddenControl(c) => "\uFFFD",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\'' || IsForbiddenControl(c))
            {
                return true;
            }
        }

        return false;
    }

    // Tab, line feed and carriage return are the only C0 controls XML 1.0 allows; DEL and C1 are legal but invisible
    // and only ever come from corrupted text, so they go too.
    private static bool IsForbiddenControl(char c) =>
        (c < ' ' && c is not '\t' and not '\n' and not '\r') || (c >= '\u007F' && c <= '\u009F') || c is '\uFFFE' or '\uFFFF';
}
