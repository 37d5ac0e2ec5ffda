using System.Globalization;

namespace Dials.Reporting.Export;

/// <summary>RFC 4180 fields: a field holding a comma, a quote, a carriage return or a line feed is quoted and its
/// quotes doubled, so any text (a fail reason, a choice) survives a spreadsheet or a CSV parser unchanged.</summary>
internal static class CsvText
{
    /// <summary>The field as it goes between commas.</summary>
    public static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
    }

    /// <summary>A number in invariant culture, round-trippable; empty for none.</summary>
    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Writes one record, ending it with CRLF as RFC 4180 asks.</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        writer.Write(string.Join(',', fields.Select(Field)));
        writer.Write("\r\n");
    }
}
