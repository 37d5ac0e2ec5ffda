using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML;

/// <summary>
/// The prediction columns a model's output has for its task, with their CSV names and a reader of their values as
/// text: regression <c>Score</c>; binary <c>PredictedLabel</c> (as the class name), <c>Probability.CLASS</c> (the
/// probability of the second class, the one predicted as true; only when the trainer is calibrated) and <c>Score</c>;
/// multiclass <c>PredictedLabel</c> (as the class name) and one <c>Probability.CLASS</c> column per class.
/// </summary>
/// <remarks>The binary probability is named by its class: a bare <c>Probability</c> next to a predicted "high" reads as
/// the probability of "high" when it is that of the other class.</remarks>
internal sealed class PredictionColumns
{
    private readonly Func<DataViewRowCursor, Func<IEnumerable<string>>> bind;

    private PredictionColumns(IReadOnlyList<string> names, IReadOnlyList<DataViewSchema.Column> used,
        Func<DataViewRowCursor, Func<IEnumerable<string>>> bind)
    {
        Names = names;
        Used = used;
        this.bind = bind;
    }

    /// <summary>The CSV header of the prediction columns, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The output columns read, for a cursor to activate.</summary>
    public IReadOnlyList<DataViewSchema.Column> Used { get; }

    /// <summary>A reader of the cursor's current row as the texts of <see cref="Names"/>.</summary>
    public Func<IEnumerable<string>> Bind(DataViewRowCursor cursor) => bind(cursor);

    /// <summary>Finds the columns in a model's output schema.</summary>
    /// <param name="output">The schema the model produces.</param>
    /// <param name="info">The model's facts: its task and classes.</param>
    /// <returns>The columns, or the problem (why the output does not fit the task) as a sentence.</returns>
    public static (PredictionColumns? Columns, string? Problem) Find(DataViewSchema output, ModelInfo info) => info.Task switch
    {
        TaskKind.Regression => Regression(output),
        TaskKind.Binary => Binary(output, info.Classes, info.Threshold),
        _ => Multiclass(output, info.Classes),
    };

    private static (PredictionColumns?, string?) Regression(DataViewSchema output)
    {
        if (Scalar(output, "Score", NumberDataViewType.Single) is not { } score)
        {
            return (null, "a regression model's output needs a Single column 'Score'");
        }

        return (new PredictionColumns(["Score"], [score], cursor =>
        {
            var get = cursor.GetGetter<float>(score);
            return () => [Number(Read(get))];
        }), null);
    }

    private static (PredictionColumns?, string?) Binary(DataViewSchema output, IReadOnlyList<string> classes, double? threshold)
    {
        if (classes.Count != 2)
        {
            return (null, $"a binary model needs exactly two class names, not {classes.Count}");
        }

        var label = Scalar(output, "PredictedLabel", BooleanDataViewType.Instance);
        var score = Scalar(output, "Score", NumberDataViewType.Single);
        if (label is null || score is null)
        {
            return (null, "a binary model's output needs a Boolean column 'PredictedLabel' and a Single column 'Score'");
        }

        // Uncalibrated trainers (a linear SVM, the averaged perceptron) give a score but no probability.
        var probability = Scalar(output, "Probability", NumberDataViewType.Single);
        if (threshold is not null && probability is null)
        {
            return (null, "a decision threshold is a probability, and the model's output has no 'Probability' column");
        }

        List<string> names = probability is null ? ["PredictedLabel", "Score"] : ["PredictedLabel", "Probability." + classes[1], "Score"];
        List<DataViewSchema.Column> used = probability is null ? [label.Value, score.Value] : [label.Value, probability.Value, score.Value];
        return (new PredictionColumns(names, used, cursor =>
        {
            var getLabel = cursor.GetGetter<bool>(label.Value);
            var getScore = cursor.GetGetter<float>(score.Value);
            var getProbability = probability is null ? null : cursor.GetGetter<float>(probability.Value);
            return () =>
            {
                var isSecond = Read(getLabel);
                if (getProbability is null)
                {
                    return [classes[isSecond ? 1 : 0], Number(Read(getScore))];
                }

                // The tuned threshold, when the model has one, decides instead of the trainer's own 0.5.
                var p = Read(getProbability);
                isSecond = threshold is { } t ? p >= t : isSecond;
                return [classes[isSecond ? 1 : 0], Number(p), Number(Read(getScore))];
            };
        }), null);
    }

    private static (PredictionColumns?, string?) Multiclass(DataViewSchema output, IReadOnlyList<string> classes)
    {
        if (classes.Count < 2 || classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
        {
            return (null, $"a multiclass model needs at least two distinct class names ({classes.Count} given)");
        }

        var label = output.GetColumnOrNull("PredictedLabel");
        var score = output.GetColumnOrNull("Score");
        if (label is null || score is null || score.Value.Type is not VectorDataViewType { ItemType: NumberDataViewType scoreItem, Size: > 0 } vector
            || scoreItem != NumberDataViewType.Single)
        {
            return (null, "a multiclass model's output needs a 'PredictedLabel' column and a 'Score' vector of Single");
        }

        // The trainer numbers the classes in the order the label's key mapping met them, not in the order of the
        // class names: the key values (or the score's slot names) say which score slot is which class.
        var slotNames = SlotNames(score.Value) ?? KeyValues(label.Value);
        if (slotNames is null || slotNames.Count != vector.Size)
        {
            return (null, "a multiclass model's 'Score' must name its slots by class (the label must be a key column mapped from the class names)");
        }

        var slots = new int[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            slots[c] = slotNames.IndexOf(classes[c]);
            if (slots[c] < 0)
            {
                return (null, $"the model does not know class '{classes[c]}' (its classes: {string.Join(", ", slotNames)})");
            }
        }

        Func<DataViewRowCursor, Func<string>> labelReader;
        if (label.Value.Type is TextDataViewType)
        {
            labelReader = cursor =>
            {
                var get = cursor.GetGetter<ReadOnlyMemory<char>>(label.Value);
                return () => Read(get).ToString();
            };
        }
        else if (label.Value.Type is KeyDataViewType && KeyValues(label.Value) is { } keyValues)
        {
            // Key 0 means "missing": a trainer never predicts it, but say so plainly if one does.
            labelReader = cursor =>
            {
                var get = cursor.GetGetter<uint>(label.Value);
                return () => Read(get) is var key && key >= 1 && key <= keyValues.Count ? keyValues[(int)key - 1] : "";
            };
        }
        else
        {
            return (null, "a multiclass model's 'PredictedLabel' must be a key with class names or text");
        }

        List<string> names = ["PredictedLabel", .. classes.Select(c => "Probability." + c)];
        return (new PredictionColumns(names, [label.Value, score.Value], cursor =>
        {
            var readLabel = labelReader(cursor);
            var getScore = cursor.GetGetter<VBuffer<float>>(score.Value);
            var scores = default(VBuffer<float>);
            return () =>
            {
                getScore(ref scores);
                var dense = scores.DenseValues().ToArray();
                return [readLabel(), .. slots.Select(s => Number(dense[s]))];
            };
        }), null);
    }

    private static DataViewSchema.Column? Scalar(DataViewSchema output, string name, DataViewType type) =>
        output.GetColumnOrNull(name) is { } column && column.Type.Equals(type) ? column : null;

    private static List<string>? SlotNames(DataViewSchema.Column column)
    {
        if (!column.HasSlotNames())
        {
            return null;
        }

        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }

    private static List<string>? KeyValues(DataViewSchema.Column column)
    {
        if (column.Type is not KeyDataViewType || !column.HasKeyValues(TextDataViewType.Instance))
        {
            return null;
        }

        var values = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetKeyValues(ref values);
        return [.. values.DenseValues().Select(n => n.ToString())];
    }

    private static T Read<T>(ValueGetter<T> get)
    {
        T value = default!;
        get(ref value);
        return value;
    }

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
