using System.Globalization;

namespace Dials.ML;

/// <summary>What inference needs to know about one column's values, gathered in one pass.</summary>
internal sealed class ColumnProfile
{
    /// <summary>The cell texts read as missing, compared ignoring case: what spreadsheets, R and pandas write for a gap.</summary>
    private static readonly HashSet<string> MissingTokens = new(["", "NA", "N/A", "NaN", "null", "?"], StringComparer.OrdinalIgnoreCase);

    private ColumnProfile(int rows, int missing, int levels, int? firstNonNumeric, bool integral, double meanWords)
    {
        Rows = rows;
        Missing = missing;
        Levels = levels;
        FirstNonNumeric = firstNonNumeric;
        Integral = integral;
        MeanWords = meanWords;
    }

    /// <summary>How many rows the column has.</summary>
    public int Rows { get; }

    /// <summary>How many cells are missing.</summary>
    public int Missing { get; }

    /// <summary>How many distinct non-missing values there are (compared ordinally).</summary>
    public int Levels { get; }

    /// <summary>The row of the first non-missing value that is not a number (invariant culture, as ML.NET's loader reads
    /// numbers); null when every one is.</summary>
    public int? FirstNonNumeric { get; }

    /// <summary>Whether every non-missing value is a number.</summary>
    public bool Numeric => FirstNonNumeric is null;

    /// <summary>Whether every non-missing value is a whole number.</summary>
    public bool Integral { get; }

    /// <summary>The mean count of whitespace-separated words per non-missing value.</summary>
    public double MeanWords { get; }

    /// <summary>How many cells have a value.</summary>
    public int Present => Rows - Missing;

    /// <summary>Whether a cell is missing.</summary>
    public static bool IsMissing(string value) => MissingTokens.Contains(value.Trim());

    /// <summary>Profiles column <paramref name="index"/> of <paramref name="rows"/>.</summary>
    public static ColumnProfile Of(List<string[]> rows, int index)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var missing = 0;
        int? firstNonNumeric = null;
        var integral = true;
        long words = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var value = rows[r][index];
            if (IsMissing(value))
            {
                missing++;
                continue;
            }

            distinct.Add(value);
            words += value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            if (firstNonNumeric is null)
            {
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    firstNonNumeric = r;
                }
                else
                {
                    integral &= Math.Abs(number) < 1e15 && number == Math.Floor(number);
                }
            }
        }

        var present = rows.Count - missing;
        return new ColumnProfile(rows.Count, missing, distinct.Count, firstNonNumeric, integral && firstNonNumeric is null,
            present == 0 ? 0 : (double)words / present);
    }
}
