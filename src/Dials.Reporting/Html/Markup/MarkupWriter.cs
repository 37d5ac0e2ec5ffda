using System.Text;

namespace Dials.Reporting.Html.Markup;

/// <summary>
/// Writes HTML and inline SVG element by element. Every text and attribute value goes through
/// <see cref="HtmlText.Escape"/> and every number through <see cref="Invariant"/>, so the charts and sections never
/// concatenate user text into markup themselves.
/// </summary>
internal sealed class MarkupWriter
{
    private readonly StringBuilder builder = new();
    private readonly Stack<string> open = new();
    private int ids;

    /// <summary>A document-unique id (SVG titles, gradients), so several charts on one page never collide.</summary>
    public string NewId(string prefix) => $"{prefix}-{++ids}";

    /// <summary>Opens an element; attributes with a null value are left out.</summary>
    public MarkupWriter Open(string tag, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(tag, attributes);
        builder.Append('>');
        open.Push(tag);
        return this;
    }

    /// <summary>Closes the innermost open element.</summary>
    public MarkupWriter Close()
    {
        builder.Append("</").Append(open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element without content, self-closed (valid for HTML void elements and in SVG).</summary>
    public MarkupWriter Empty(string tag, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        StartTag(tag, attributes);
        builder.Append("/>");
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public MarkupWriter Element(string tag, string? text, params ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        Open(tag, attributes);
        Text(text);
        return Close();
    }

    /// <summary>Escaped text.</summary>
    public MarkupWriter Text(string? text)
    {
        builder.Append(HtmlText.Escape(text));
        return this;
    }

    /// <summary>Markup written by this assembly itself (the style sheet, the sorting script): never user text.</summary>
    public MarkupWriter Trusted(string markup)
    {
        builder.Append(markup);
        return this;
    }

    /// <summary>The markup so far; every element must have been closed.</summary>
    public override string ToString() => open.Count == 0
        ? builder.ToString()
        : throw new InvalidOperationException($"Unclosed elements: {string.Join(", ", open)}.");

    private void StartTag(string tag, ReadOnlySpan<(string Name, object? Value)> attributes)
    {
        builder.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(' ').Append(name).Append("=\"").Append(HtmlText.Escape(Format(value))).Append('"');
        }
    }

    private static string Format(object value) => value switch
    {
        string s => s,
        double d => Invariant.Coordinate(d),
        int i => Invariant.Integer(i),
        long l => Invariant.Integer(l),
        _ => throw new ArgumentException($"Attribute values are strings or numbers, not {value.GetType().Name}.", nameof(value)),
    };
}
