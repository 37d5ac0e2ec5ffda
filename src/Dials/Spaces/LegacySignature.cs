using System.Globalization;

namespace Dials;

/// <summary>
/// The search-space signature of Dials 0.1.0: one display line per dimension, as <see cref="Dimension.ToString"/>
/// writes it, unescaped (a choice holding ", " reads back as two). Storages now keep a <see cref="SpaceDocument"/>;
/// this reads the studies stored before, and writes the lines a stored one is compared with.
/// </summary>
internal static class LegacySignature
{
    private const string WhenMarker = " when ";

    /// <summary>The lines Dials 0.1.0 stored for <paramref name="dimensions"/>.</summary>
    public static string Write(IEnumerable<Dimension> dimensions) => string.Join("\n", dimensions.Select(d => d.ToString()));

    public static IReadOnlyList<Dimension> Parse(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var lines = signature.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var dimensions = new Dimension[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            dimensions[i] = ParseLine(lines[i].TrimEnd('\r'), i + 1);
        }

        return dimensions;
    }

    private static Dimension ParseLine(string line, int lineNumber)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw Malformed(lineNumber, line, "expected 'Name: shape'");
        }

        var name = line[..colon];
        var rest = line[(colon + 2)..];
        DimensionCondition? condition = null;

        // A choice may itself contain " when ", so the condition is the last one, and only when it parses as one.
        var when = rest.LastIndexOf(WhenMarker, StringComparison.Ordinal);
        if (when >= 0 && ParseCondition(rest[(when + WhenMarker.Length)..]) is { } parsed)
        {
            condition = parsed;
            rest = rest[..when];
        }

        try
        {
            return ParseShape(name, rest, condition) ?? throw Malformed(lineNumber, line, "unknown shape");
        }
        catch (ArgumentException exception)
        {
            throw Malformed(lineNumber, line, exception.Message);
        }
    }

    private static Dimension? ParseShape(string name, string shape, DimensionCondition? condition)
    {
        if (shape.StartsWith("choice of [", StringComparison.Ordinal) && shape.EndsWith(']'))
        {
            return Dimension.Categorical(name, ParseChoices(shape["choice of [".Length..^1]), condition);
        }

        if (shape.StartsWith("power of two in ", StringComparison.Ordinal))
        {
            var (low, high, _) = ParseRange(shape["power of two in ".Length..]);
            return Dimension.PowerOfTwo(name, (long)low, (long)high, condition);
        }

        foreach (var (prefix, isInt) in (ReadOnlySpan<(string, bool)>)[("float in ", false), ("int in ", true)])
        {
            if (!shape.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var (low, high, tail) = ParseRange(shape[prefix.Length..]);
            var log = false;
            var step = isInt ? 1.0 : 0.0;
            var words = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var w = 0; w < words.Length; w++)
            {
                switch (words[w])
                {
                    case "log":
                        log = true;
                        break;
                    case "step" when w + 1 < words.Length:
                        step = Number(words[++w]);
                        break;
                    default:
                        return null;
                }
            }

            return isInt
                ? Dimension.Int(name, (long)low, (long)high, (long)step, log, condition)
                : Dimension.Float(name, low, high, log, step, condition);
        }

        return null;
    }

    /// <summary>Reads "[low, high]" and returns what follows it.</summary>
    private static (double Low, double High, string Tail) ParseRange(string text)
    {
        var close = text.IndexOf(']');
        if (!text.StartsWith('[') || close < 0)
        {
            throw new ArgumentException("expected '[low, high]'");
        }

        var bounds = text[1..close].Split(", ");
        return bounds.Length == 2
            ? (Number(bounds[0]), Number(bounds[1]), text[(close + 1)..])
            : throw new ArgumentException("expected '[low, high]'");
    }

    private static DimensionCondition? ParseCondition(string text)
    {
        const string In = " in [";
        var at = text.IndexOf(In, StringComparison.Ordinal);
        if (at <= 0 || !text.EndsWith(']'))
        {
            return null;
        }

        var values = new List<double>();
        foreach (var part in text[(at + In.Length)..^1].Split(", "))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            values.Add(value);
        }

        return new DimensionCondition(text[..at], values);
    }

    /// <summary>Reads choices as <see cref="Dimension"/> formats them: quoted strings, true/false, null, numbers,
    /// and bare names (enum members), which come back as strings since their type is unknown here.</summary>
    private static List<object> ParseChoices(string text)
    {
        var choices = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            string token;
            if (text[i] == '"')
            {
                // Strings are written without escapes, so a string ends at the quote that closes the list or is
                // followed by the next item's separator.
                var end = i + 1;
                while (end < text.Length && !(text[end] == '"' && (end + 1 == text.Length || text.AsSpan(end + 1).StartsWith(", "))))
                {
                    end++;
                }

                if (end >= text.Length)
                {
                    throw new ArgumentException("a quoted choice is not closed");
                }

                choices.Add(text[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var end = text.IndexOf(", ", i, StringComparison.Ordinal);
                token = end < 0 ? text[i..] : text[i..end];
                choices.Add(token switch
                {
                    "true" => true,
                    "false" => false,
                    _ when long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => whole,
                    _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
                    _ => token,
                });
                i = end < 0 ? text.Length : end;
            }

            if (i < text.Length)
            {
                i += text.AsSpan(i).StartsWith(", ") ? 2 : throw new ArgumentException("expected ', ' between choices");
            }
        }

        return choices;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"'{text}' is not a number");

    private static FormatException Malformed(int line, string text, string why) =>
        new($"Line {line} of the search-space signature ('{text}') cannot be read: {why}.");
}
