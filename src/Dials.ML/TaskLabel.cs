using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML;

/// <summary>
/// The label rules both loaders share (<see cref="CsvDataset"/> and <see cref="TabularData"/>): which label values fit
/// a task, and the transform that turns the label text into the type the task's trainers expect.
/// </summary>
internal static class TaskLabel
{
    /// <summary>The distinct classes of a classification label, sorted ordinally; empty for regression.</summary>
    /// <exception cref="DataException">The labels do not fit the task; the message names the label column.</exception>
    public static List<string> Check(string path, string label, List<string> labels, TaskKind task)
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

    /// <summary>
    /// Turns the text column <paramref name="labelColumn"/> into <c>Label</c>: a float for regression, a bool for
    /// binary, a key for multiclass.
    /// </summary>
    public static IEstimator<ITransformer> Convert(MLContext ml, string labelColumn, TaskKind task, IReadOnlyList<string> classes) => task switch
    {
        TaskKind.Regression => ml.Transforms.Conversion.ConvertType("Label", labelColumn, DataKind.Single),
        // The second class in sorted order is the positive one (1 after 0, true after false, yes after no).
        TaskKind.Binary => ml.Transforms.Conversion.MapValue("Label",
            [new KeyValuePair<string, bool>(classes[0], false), new KeyValuePair<string, bool>(classes[1], true)], labelColumn),
        _ => ml.Transforms.Conversion.MapValueToKey("Label", labelColumn),
    };
}
