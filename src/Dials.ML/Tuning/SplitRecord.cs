using System.Text.Json;
using Dials.Storage;

namespace Dials.ML.Tuning;

/// <summary>
/// The rows of a tuning run's split, written beside the study as JSON (<c>{"test": [...], "folds": [...]}</c>): the
/// 0-based data rows sealed as the test split, and the cross-validation fold of every data row (-1 for a test row).
/// It records which rows, never their values, so a run can be audited and another tool (scikit-learn, Optuna) can be
/// tuned and tested on exactly the same rows (docs/bench/sklearn_compare.py reads it).
/// </summary>
public static class SplitRecord
{
    /// <summary>Writes the record of <paramref name="split"/> and the folds of <paramref name="foldOfTrainingRow"/>
    /// (in the order of the training rows, e.g. <see cref="CrossValidatedObjective{T}.FoldOfRow"/>) to
    /// <paramref name="path"/>, replacing it whole.</summary>
    /// <exception cref="ArgumentException">The folds do not cover the training rows one for one.</exception>
    public static void Write(string path, SealedSplit split, IReadOnlyList<int> foldOfTrainingRow)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(foldOfTrainingRow);
        if (foldOfTrainingRow.Count != split.TrainRows)
        {
            throw new ArgumentException($"{foldOfTrainingRow.Count} fold numbers for {split.TrainRows} training rows.", nameof(foldOfTrainingRow));
        }

        var rows = checked((int)(split.TrainRows + split.TestRows));
        var folds = new int[rows];
        var sealedRows = split.TestRowNumbers.ToHashSet();
        var next = 0;
        for (var row = 0; row < rows; row++)
        {
            // Training rows keep their data order in the split, so the k-th unsealed row is the k-th training row.
            folds[row] = sealedRows.Contains(row) ? -1 : foldOfTrainingRow[next++];
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteArray(json, "test", split.TestRowNumbers);
            WriteArray(json, "folds", folds);
            json.WriteEndObject();
        }

        AtomicFile.WriteAllText(path, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
