using System.Globalization;
using Dials.ML;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.Testing;

/// <summary>
/// A small training file with an identifier, two numbers, a categorical text column and a label for each task, and
/// the pipelines a tuned model has in small: numbers concatenated with a one-hot colour, the label converted for the
/// task, then an SDCA, LightGbm or FastTree trainer with few iterations.
/// </summary>
internal static class TinyModels
{
    /// <summary>The columns of <see cref="WriteTrainingCsv"/>; the models read x1, x2, color and their task's label.</summary>
    public static readonly string[] Header = ["id", "x1", "x2", "color", "amount", "grade", "species"];

    /// <summary>Binary classes, sorted: "high" is predicted as false, "low" as true.</summary>
    public static readonly string[] Grades = ["high", "low"];

    /// <summary>Multiclass classes, sorted. The file meets them as fish, cat, dog, so a key mapping numbers them in an
    /// order other than this one.</summary>
    public static readonly string[] Species = ["cat", "dog", "fish"];

    private static readonly string[] Colors = ["blue", "green", "red"];

    /// <summary>The label column of each task in <see cref="WriteTrainingCsv"/>'s file.</summary>
    public static string Label(TaskKind task) => task switch
    {
        TaskKind.Regression => "amount",
        TaskKind.Binary => "grade",
        _ => "species",
    };

    /// <summary>Writes 90 learnable rows to <c>train.csv</c> in <paramref name="folder"/>; returns its path.</summary>
    public static string WriteTrainingCsv(string folder)
    {
        var lines = new List<string> { string.Join(',', Header) };
        for (var i = 0; i < 90; i++)
        {
            var x1 = i % 10;
            var x2 = (i * 7 % 13) / 4.0;
            var color = Colors[i % 3];
            var amount = (2 * x1) + x2 + (color == "red" ? 6 : 0);
            var grade = amount > 11 ? "high" : "low";
            var species = (i % 3) switch { 0 => "fish", 1 => "cat", _ => "dog" }; // follows the colour
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"row{i},{x1},{x2},{color},{amount},{grade},{species}"));
        }

        var path = Path.Combine(folder, "train.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Loads the training file as a model's input: x1 and x2 as numbers, color and the label as text, and
    /// with <paramref name="withId"/> the identifier too, as text the pipeline never reads.</summary>
    public static IDataView Load(MLContext ml, string path, TaskKind task, bool withId = false) =>
        ml.Data.LoadFromTextFile(path,
        [
            .. withId ? [new TextLoader.Column("id", DataKind.String, 0)] : Array.Empty<TextLoader.Column>(),
            new TextLoader.Column("x1", DataKind.Single, 1),
            new TextLoader.Column("x2", DataKind.Single, 2),
            new TextLoader.Column("color", DataKind.String, 3),
            new TextLoader.Column(Label(task), DataKind.String, Array.IndexOf(Header, Label(task))),
        ], separatorChar: ',', hasHeader: true, allowQuoting: true);

    /// <summary>Fits a pipeline for the task with the trainer (<c>Sdca</c>, <c>LightGbm</c> or <c>FastTree</c>, which
    /// has no multiclass form; <c>LinearSvm</c> for binary only).</summary>
    public static (ITransformer Model, IDataView Data, ModelInfo Info) Fit(MLContext ml, string path, TaskKind task, string trainer, bool withId = false)
    {
        var data = Load(ml, path, task, withId);
        var label = Label(task);
        var features = ml.Transforms.Categorical.OneHotEncoding("colorHot", "color")
            .Append(ml.Transforms.Concatenate("Features", "x1", "x2", "colorHot"));
        IEstimator<ITransformer> labelled = task switch
        {
            TaskKind.Regression => features.Append(ml.Transforms.Conversion.ConvertType("Label", label, DataKind.Single)),
            TaskKind.Binary => features.Append(ml.Transforms.Conversion.MapValue("Label",
                [new KeyValuePair<string, bool>(Grades[0], false), new KeyValuePair<string, bool>(Grades[1], true)], label)),
            _ => features.Append(ml.Transforms.Conversion.MapValueToKey("Label", label)),
        };
        var pipeline = labelled.Append(Trainer(ml, task, trainer));
        var classes = task switch { TaskKind.Binary => Grades, TaskKind.Multiclass => Species, _ => [] };
        return (pipeline.Fit(data), data, new ModelInfo(task, label, classes, trainer) { Study = "tiny", Trial = 3 });
    }

    private static IEstimator<ITransformer> Trainer(MLContext ml, TaskKind task, string trainer) => (task, trainer) switch
    {
        (TaskKind.Regression, "Sdca") => ml.Regression.Trainers.Sdca(maximumNumberOfIterations: 50),
        (TaskKind.Regression, "LightGbm") => ml.Regression.Trainers.LightGbm(numberOfLeaves: 4, minimumExampleCountPerLeaf: 2, numberOfIterations: 20),
        (TaskKind.Regression, "FastTree") => ml.Regression.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 10, minimumExampleCountPerLeaf: 2),
        (TaskKind.Binary, "Sdca") => ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 50),
        (TaskKind.Binary, "LightGbm") => ml.BinaryClassification.Trainers.LightGbm(numberOfLeaves: 4, minimumExampleCountPerLeaf: 2, numberOfIterations: 20),
        (TaskKind.Binary, "LinearSvm") => ml.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 10), // uncalibrated: no probability
        (TaskKind.Binary, "FastTree") => ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 10, minimumExampleCountPerLeaf: 2),
        (TaskKind.Multiclass, "Sdca") => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 50),
        (TaskKind.Multiclass, "LightGbm") => ml.MulticlassClassification.Trainers.LightGbm(numberOfLeaves: 4, minimumExampleCountPerLeaf: 2, numberOfIterations: 20),
        _ => throw new ArgumentException($"No {trainer} trainer for {task} here.", nameof(trainer)),
    };
}
