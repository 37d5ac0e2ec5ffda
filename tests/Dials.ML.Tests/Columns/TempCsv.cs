using System.Globalization;

namespace Dials.ML.Tests.Columns;

/// <summary>CSV files written to a temporary folder that is deleted with the test.</summary>
internal sealed class TempCsv : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-columns-").FullName;

    /// <summary>A path in the folder that does not exist.</summary>
    public string Missing => Path.Combine(directory, "nope.csv");

    /// <summary>Writes the lines (header first) as a file and returns its path.</summary>
    public string Write(IEnumerable<string> lines)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>Writes <paramref name="header"/> and one row per <paramref name="row"/>(i) for i below <paramref name="count"/>.</summary>
    public string Write(string header, int count, Func<int, string> row) => Write(Enumerable.Range(0, count).Select(row).Prepend(header));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>An invariant-culture number.</summary>
    public static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}
