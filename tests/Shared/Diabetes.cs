using Dials.ML;
using Microsoft.ML;

namespace Dials.Testing;

/// <summary>The shipped diabetes data, and a binary version of it written to a temporary file for classification tests.</summary>
internal static class Diabetes
{
    public static string Path => System.IO.Path.Combine(RepositoryRoot.Path, "samples", "TuneMlNet", "data", "diabetes.csv");

    public static CsvDataset Load(MLContext ml) => CsvDataset.Load(ml, Path, "progression", TaskKind.Regression);

    /// <summary>The same rows with the label replaced by "high"/"low" progression (above or below 140).</summary>
    public static string WriteBinary(string folder)
    {
        var lines = File.ReadAllLines(Path);
        var header = lines[0].Split(',');
        var label = Array.IndexOf(header, "progression");
        var binary = System.IO.Path.Combine(folder, "diabetes-binary.csv");
        File.WriteAllLines(binary, lines.Select((line, i) =>
        {
            var values = line.Split(',');
            if (i > 0)
            {
                values[label] = double.Parse(values[label], System.Globalization.CultureInfo.InvariantCulture) > 140 ? "high" : "low";
            }

            return string.Join(',', values);
        }));
        return binary;
    }
}
