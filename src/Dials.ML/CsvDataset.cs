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
        var classes = CheckLabel(path, label, labels, task);
        var columns = header.Select((name, i) => new TextLoader.Column(name, i == labelIndex ? DataKind.String : DataKind.Single, i)).ToArray();
        var data = ml.Data.LoadFromTextFile(path, columns, separatorChar: ',', hasHeader: true, allowQuoting: true);
        var features = header.Where((_, i) => i != labelIndex).ToArray();
        return new CsvDataset(data, label, features, task, rows.Count, classes);
    }

    /// <summary>
    /// The transforms that turn the file's columns into <c>Features</c> and a task-typed <c>Label</c>, to put in front
    /// of a trainer.
    /// </summary>
    public IEstimator<ITransformer> Featurize(MLContext ml)
    {
        var features = ml.Transforms.Concatenate("Features", [.. FeatureColumns]);
        return Task switch
        {
            TaskKind.Regression => features.Append(ml.Transforms.Conversion.ConvertType("Label", LabelColumn, DataKind.Single)),
            // The second class in sorted order is the positive one (1 after 0, true after false, yes after no).
            TaskKind.Binary => features.Append(ml.Transforms.Conversion.MapValue("Label",
                [new KeyValuePair<string, bool>(Classes[0], false), new KeyValuePair<string, bool>(Classes[1], true)], LabelColumn)),
            _ => features.Append(ml.Transforms.Conversion.MapValueToKey("Label", LabelColumn)),
        };
    }

    private static List<string> CheckLabel(string path, string label, List<string> labels, TaskKind task)
    {
        if (task == TaskKind.Regression)
        {
            var bad = labels.FirstOrDefault(l => !double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            return bad is null
                ? []
                : throw new DataException($"Label '{label}' in '{path}' has the value '{bad}', which is not a number; a regression needs numeric labels (use --task binary or multiclass for classes).");
        }

        var classes = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (task == TaskKind.Binary && classes.Count != 2)
        {
            throw new DataException($"Label '{label}' in '{path}' has {classes.Count} distinct value(s) ({string.Join(", ", classes.Take(5))}{(classes.Count > 5 ? ", ..." : "")}); a binary task needs exactly two.");
        }

        if (task == TaskKind.Multiclass && (classes.Count < 3 || classes.Count > labels.Count / 2))
        {
            throw new DataException(classes.Count < 3
                ? $"Label '{label}' in '{path}' has {classes.Count} distinct value(s); a multiclass task needs at least three (use --task binary for two)."
                : $"Label '{label}' in '{path}' has {classes.Count} distinct values in {labels.Count} rows, which looks like a number rather than a class; use --task regression.");
        }

        return classes;
    }
}

/// <summary>A data file that cannot be used as given; the message names the file, the column or line, and the problem.</summary>
public sealed class DataException(string message) : Exception(message);
