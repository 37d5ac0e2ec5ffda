using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML;

/// <summary>Scores the rows of a CSV file with a saved model: what <c>dials predict</c> runs.</summary>
public static class ModelScoring
{
    /// <summary>
    /// Reads <paramref name="csvPath"/> (a header line, then RFC 4180 records) by column name as the model's input
    /// schema asks, predicts every row and writes a CSV to <paramref name="output"/>: each row's own fields, then the
    /// prediction (see docs/ml-model.md: <c>Score</c>; <c>PredictedLabel</c>, <c>Probability.CLASS</c>, <c>Score</c>; or
    /// <c>PredictedLabel</c> and a <c>Probability.CLASS</c> column per class). Nothing is written unless every row
    /// was read and scored.
    /// </summary>
    /// <remarks>Numbers are read in the invariant culture and an empty field is a missing value (NaN); text columns are
    /// read as they are. The label column may be absent (it is filled with empty text or NaN, which the model's label
    /// conversion accepts and the prediction ignores), and so may a column of the training data the pipeline does not
    /// read (an identifier its featurization ignored). Columns of the file the model does not read are passed through
    /// to the output unchanged and ignored by the model.</remarks>
    /// <param name="model">The model.</param>
    /// <param name="csvPath">The rows to score.</param>
    /// <param name="output">Where the scored CSV goes.</param>
    /// <returns>The number of rows scored.</returns>
    /// <exception cref="DataException">The file is missing or empty, lacks a column the model reads (the message names
    /// it and lists the file's columns), has a record of the wrong length, a value that is not a number in a numeric
    /// column, or a column named like a prediction column.</exception>
    public static int ScoreCsv(LoadedModel model, string csvPath, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(csvPath);
        ArgumentNullException.ThrowIfNull(output);
        var (predictions, problem) = PredictionColumns.Find(model.Transformer.GetOutputSchema(model.InputSchema), model.Info);
        if (predictions is null)
        {
            throw new ModelFileException($"Model file '{model.Path}' does not fit its own {ModelInfoJson.EntryName}: {problem}.");
        }

        if (!File.Exists(csvPath))
        {
            throw new DataException($"Data file '{csvPath}' does not exist.");
        }

        // Read as the training file was (CsvTable, the reader column inference uses), so a value scores as it trained.
        var table = CsvTable.Read(csvPath);
        var header = table.Header;
        var rows = table.Rows;
        if (rows.FindIndex(r => r.Length != header.Length) is var ragged and >= 0)
        {
            throw new DataException($"Data file '{csvPath}', line {table.Lines[ragged]}: {rows[ragged].Length} values where the header has {header.Length} columns.");
        }

        if (predictions.Names.FirstOrDefault(header.Contains) is { } clash)
        {
            throw new DataException($"Data file '{csvPath}' has a column '{clash}', the name of a prediction column; rename it so the output has one column of each name.");
        }

        var scored = model.Transformer.Transform(ReadInputs(model, csvPath, table));
        // Found again in the scored view's own schema: an input column left out renumbers the output columns.
        var columns = PredictionColumns.Find(scored.Schema, model.Info).Columns!;
        var text = new StringWriter(CultureInfo.InvariantCulture);
        CsvWriting.Write(text, [.. header, .. columns.Names]);
        using (var cursor = scored.GetRowCursor(columns.Used))
        {
            var read = columns.Bind(cursor);
            foreach (var row in rows)
            {
                if (!cursor.MoveNext())
                {
                    throw new InvalidOperationException($"The model returned fewer rows than the {rows.Count} of '{csvPath}'.");
                }

                CsvWriting.Write(text, [.. row, .. read()]);
            }
        }

        output.Write(text.ToString());
        return rows.Count;
    }

    private static ColumnsDataView ReadInputs(LoadedModel model, string path, CsvTable table)
    {
        var header = table.Header;
        // The label is filled when absent; any other absent column is an error if the pipeline reads it, and left out
        // if it does not (a column of the training data the featurization ignored, such as an identifier).
        var absent = model.InputSchema.Where(c => !c.IsHidden && c.Name != model.Info.LabelColumn && Array.IndexOf(header, c.Name) < 0).ToList();
        var missing = absent.Where(c => InputUse.Reads(model.Transformer, model.InputSchema, c.Name)).Select(c => $"'{c.Name}'").ToList();
        if (missing.Count > 0)
        {
            throw new DataException($"Data file '{path}' has no column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}, which the model reads. Its columns: {string.Join(", ", header)}.");
        }

        var inputs = model.InputSchema.Where(c => !c.IsHidden && !absent.Any(a => a.Name == c.Name)).ToList();
        var columns = new Array[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var column = inputs[i];
            var index = Array.IndexOf(header, column.Name);
            if (index >= 0 && Array.LastIndexOf(header, column.Name) != index)
            {
                throw new DataException($"Data file '{path}' has two columns named '{column.Name}'; the model reads it, so it must be one.");
            }

            columns[i] = index < 0 ? Filler(column, table.Rows.Count, path) : Parse(column, [.. table.Rows.Select((r, k) => (table.Lines[k], r[index]))], path);
        }

        return new ColumnsDataView(inputs, columns);
    }

    // An absent label: a value the label conversions (text to bool or key, text or number to float) map to "missing"
    // rather than fail on. The trainer's prediction never reads it.
    private static Array Filler(DataViewSchema.Column column, int rows, string path) => column.Type switch
    {
        TextDataViewType => Enumerable.Repeat(ReadOnlyMemory<char>.Empty, rows).ToArray(),
        NumberDataViewType t when t == NumberDataViewType.Single => Enumerable.Repeat(float.NaN, rows).ToArray(),
        NumberDataViewType t when t == NumberDataViewType.Double => Enumerable.Repeat(double.NaN, rows).ToArray(),
        BooleanDataViewType => new bool[rows],
        _ => throw Unsupported(column, path),
    };

    private static Array Parse(DataViewSchema.Column column, (int Line, string Text)[] values, string path) => column.Type switch
    {
        TextDataViewType => values.Select(v => v.Text.AsMemory()).ToArray(),
        NumberDataViewType t when t == NumberDataViewType.Single => values.Select(v => Number(v, column, path, float.NaN, float.TryParse)).ToArray(),
        NumberDataViewType t when t == NumberDataViewType.Double => values.Select(v => Number(v, column, path, double.NaN, double.TryParse)).ToArray(),
        BooleanDataViewType => values.Select(v => Boolean(v, column, path)).ToArray(),
        _ => throw Unsupported(column, path),
    };

    private delegate bool TryParse<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

    // Parsed straight to the column's type (a float through double can round differently than ML.NET's loader).
    private static T Number<T>((int Line, string Text) value, DataViewSchema.Column column, string path, T missing, TryParse<T> parse)
    {
        if (string.IsNullOrWhiteSpace(value.Text))
        {
            return missing;
        }

        return parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new DataException($"Data file '{path}', line {value.Line}: column '{column.Name}' is '{value.Text}', not a number.");
    }

    private static bool Boolean((int Line, string Text) value, DataViewSchema.Column column, string path) => value.Text.Trim() switch
    {
        "1" => true,
        "0" => false,
        var text when bool.TryParse(text, out var flag) => flag,
        _ => throw new DataException($"Data file '{path}', line {value.Line}: column '{column.Name}' is '{value.Text}', not true or false."),
    };

    private static DataException Unsupported(DataViewSchema.Column column, string path) =>
        new($"The model reads column '{column.Name}' as {column.Type}, which cannot be read from a CSV file such as '{path}' (numbers, text and true/false can).");
}
