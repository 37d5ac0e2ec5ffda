namespace Dials.ML;

/// <summary>
/// Writes RFC 4180 text: fields separated by commas, quoted (with quotes doubled) only where they hold a comma, a quote
/// or a line break, every record ended with CRLF. Files are read with <see cref="CsvTable"/>.
/// </summary>
internal static class CsvWriting
{
    /// <summary>Writes one record, ending it with CRLF.</summary>
    public static void Write(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Field)));
        writer.Write("\r\n");
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
