using System.Text;

namespace Dials.ML;

/// <summary>
/// A CSV file read whole for column inference: the header and every record as text, with the line each record starts
/// on. RFC 4180: a value in double quotes may hold commas, line breaks and doubled quotes (<c>""</c> is one quote).
/// Blank lines are skipped, as ML.NET's TextLoader skips them.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows, List<int> lines)
    {
        Header = header;
        Rows = rows;
        Lines = lines;
    }

    /// <summary>The header's column names, trimmed.</summary>
    public string[] Header { get; }

    /// <summary>The data records, each with as many values as the file gave it (not checked against the header).</summary>
    public List<string[]> Rows { get; }

    /// <summary>The 1-based file line each data record starts on, for error messages.</summary>
    public List<int> Lines { get; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The file has no header line, or a quoted value is never closed.</exception>
    public static CsvTable Read(string path)
    {
        var records = Parse(path, File.ReadAllText(path));
        if (records.Count == 0)
        {
            throw new DataException($"Data file '{path}' is empty; it needs a header line and at least one row.");
        }

        return new CsvTable(Names(records[0].Values), [.. records.Skip(1).Select(r => r.Values)], [.. records.Skip(1).Select(r => r.Line)]);
    }

    /// <summary>Reads only the header of <paramref name="path"/>: its first record, which may span lines.</summary>
    /// <exception cref="DataException">The file has no header line, or a quoted name is never closed.</exception>
    public static string[] ReadHeader(string path)
    {
        using var reader = new StreamReader(path);
        var text = new StringBuilder();
        // A record ends at a line break outside quotes; with quotes doubled inside values, that is where the count of
        // quote characters so far is even.
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            text.Append(line).Append('\n');
            if (text.ToString().Count(c => c == '"') % 2 == 0 && line.Trim().Length > 0)
            {
                break;
            }
        }

        var records = Parse(path, text.ToString());
        return records.Count == 0
            ? throw new DataException($"Data file '{path}' is empty; it needs a header line.")
            : Names(records[0].Values);
    }

    // Column names are trimmed whole: a user names them in flags without the padding (and ML.NET trims them too).
    private static string[] Names(string[] header) => [.. header.Select(h => h.Trim())];

    private static List<(int Line, string[] Values)> Parse(string path, string text)
    {
        var records = new List<(int Line, string[] Values)>();
        var values = new List<string>();
        var value = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;
        var inQuotes = false;
        var quoted = false;

        // Blanks are cut as ML.NET's TextLoader cuts them, so inference counts the levels and classes trainers see:
        // before an unquoted value, and at the end of the line, but not between a value and its comma.
        void EndValue(bool last = false)
        {
            var text = value.ToString();
            values.Add(quoted ? text : last ? text.Trim() : text.TrimStart());
            value.Clear();
            quoted = false;
        }

        void EndRecord()
        {
            EndValue(last: true);
            var blank = values is [""];
            if (!blank)
            {
                records.Add((recordLine, [.. values]));
            }

            values.Clear();
            recordLine = line + 1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    value.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    value.Append(c);
                }

                continue;
            }

            switch (c)
            {
                // A quote opens a quoted value only at its start (after blanks); elsewhere it is an ordinary character.
                case '"' when !quoted && string.IsNullOrWhiteSpace(value.ToString()):
                    value.Clear();
                    inQuotes = true;
                    quoted = true;
                    quoteLine = line;
                    break;
                case ',':
                    EndValue();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndRecord();
                    line++;
                    break;
                // Blanks after a closing quote are padding, not part of the value.
                case ' ' or '\t' when quoted:
                    break;
                default:
                    value.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new DataException($"Data file '{path}', line {quoteLine}: a quoted value opens there and is never closed.");
        }

        if (value.Length > 0 || values.Count > 0 || quoted)
        {
            EndRecord();
        }

        return records;
    }
}
