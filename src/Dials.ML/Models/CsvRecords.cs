using System.Text;

namespace Dials.ML;

/// <summary>
/// RFC 4180 text: records of fields separated by commas, a field in double quotes may hold commas, line breaks and
/// doubled quotes. Records end with CRLF or LF; blank lines are skipped. Reading keeps each record's line number for
/// error messages; writing quotes only the fields that need it and ends every record with CRLF.
/// </summary>
internal static class CsvRecords
{
    /// <summary>One record and the line it starts on (1-based).</summary>
    public sealed record Record(int Line, string[] Fields);

    /// <summary>Splits a whole file's text into records.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">The file, for the message.</param>
    /// <exception cref="DataException">A quoted field is never closed, or text follows a closing quote.</exception>
    public static List<Record> Read(string text, string path)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var i = 0;
        while (i <= text.Length)
        {
            if (i < text.Length && text[i] == '"' && field.Length == 0)
            {
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new DataException($"Data file '{path}', line {quoteLine}: a quoted field is never closed.");
                    }

                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        line += text[i] == '\n' ? 1 : 0;
                        field.Append(text[i++]);
                    }
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    throw new DataException($"Data file '{path}', line {line}: text after a closing quote (a quote inside a field must be doubled).");
                }
            }
            else if (i < text.Length && text[i] == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (i == text.Length || text[i] is '\n' or '\r')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Trim().Length > 0)
                {
                    records.Add(new Record(start, [.. fields]));
                }

                fields.Clear();
                i += i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n' ? 2 : 1;
                line++;
                start = line;
            }
            else
            {
                field.Append(text[i++]);
            }
        }

        return records;
    }

    /// <summary>Writes one record, ending it with CRLF.</summary>
    public static void Write(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Field)));
        writer.Write("\r\n");
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : '"' + text.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
