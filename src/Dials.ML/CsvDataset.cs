using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML;

/// <summary>
/// A CSV file with a header, ready for a trainer: every column but the label is a numeric feature, concatenated into
/// <c>Features</c>; the label is converted for the task (a float for regression, a bool for binary, a key for
/// multiclass) into <c>Label</c>. Problems with the file are reported before any training starts.
/// </summary>
public sealed class CsvDataset
{
    private CsvDataset(IDataView data, string label, IReadOnlyList<string> features, TaskKind task, int rows, IReadOnlyList<string> classes)
    {
        Data = data;
        LabelColumn = label;
        FeatureColumns = features;
        Task = task;
        Rows = rows;
        Classes = classes;
    }

    /// <summary>The rows, with the file's columns (features as floats, the label as text).</summary>
    public IDataView Data { get; }

    /// <summary>The label column's name in the file.</summary>
    public string LabelColumn { get; }

    /// <summary>The feature columns' names, in file order.</summary>
    public IReadOnlyList<string> FeatureColumns { get; }

    /// <summary>The task.</summary>
    public TaskKind Task { get; }

    /// <summary>How many rows the file has.</summary>
    public int Rows { get; }

    /// <summary>The distinct labels of a classification task, sorted; empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The file is missing or empty, has no such label column, a non-numeric feature,
    /// or a label that does not fit the task. The message says which.</exception>
    public static CsvDataset Load(MLContext ml, string path, string label, TaskKind task)
    {
        if (!File.Exists(path))
        {
            throw new DataException($"Data file '{path}' does not exist.");
        }

        var lines = File.ReadLines(path).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new DataException($"Data file '{path}' is empty; it needs a header line and at least one row.");
        }

        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var labelIndex = Array.IndexOf(header, label);
        if (labelIndex < 0)
        {
            throw new DataException($"Data file '{path}' has no column '{label}'. Its columns: {string.Join(", ", header)}.");
        }

        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => v.Trim()).ToArray()).ToList();
        if (rows.Count < 10)
        {
            throw new DataException($"Data file '{path}' has {rows.Count} data row(s); tuning with cross-validation needs at least 10.");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != header.Length)
            {
                throw new DataException($"Data file '{path}', line {r + 2}: {rows[r].Length} values where the header has {header.Length} columns.");
            }

            for (var c = 0; c < header.Length; c++)
            {
                if (c != labelIndex && !float.TryParse(rows[r][c], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new DataException($"Data file '{path}', line {r + 2}: feature '{header[c]}' is '{rows[r][c]}', not a number.");
                }
            }
        }

        var labels = rows.Select(r => r[labelIndex]).ToList();
        var classes = TaskLabel.Check(path, label, labels, task);
        var columns = header.Select((name, i) => new TextLoader.Column(name, i == labelIndex ? DataKind.String : DataKind.Single, i)).ToArray();
        var data = ml.Data.LoadFromTextFile(path, columns, separatorChar: ',', hasHeader: true, allowQuoting: true);
        var features = header.Where((_, i) => i != labelIndex).ToArray();
        return new CsvDataset(data, label, features, task, rows.Count, classes);
    }

    /// <summary>
    /// The transforms that turn the file's columns into <c>Features</c> and a task-typed <c>Label</c>, to put in front
    /// of a trainer.
    /// </summary>
    public IEstimator<ITransformer> Featurize(MLContext ml) =>
        ml.Transforms.Concatenate("Features", [.. FeatureColumns]).Append(TaskLabel.Convert(ml, LabelColumn, Task, Classes));
}

/// <summary>A data file that cannot be used as given; the message names the file, the column or line, and the problem.</summary>
public sealed class DataException(string message) : Exception(message);
