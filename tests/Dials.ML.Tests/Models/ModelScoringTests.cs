using System.Globalization;
using Dials.Cli.Tests;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML.Tests.Models;

/// <summary>Scoring a CSV with a saved model: columns by name, the label optional, predictions by class name.</summary>
public sealed class ModelScoringTests : IDisposable
{
    private readonly MLContext ml = new(seed: 1);
    private readonly string directory = Directory.CreateTempSubdirectory("dials-score-").FullName;

    [Fact]
    public void Regression_reads_columns_by_name_without_the_label_and_passes_the_others_through()
    {
        var (loaded, expected) = SaveAndLoad(TaskKind.Regression, "Sdca");
        var rows = Training();
        var csv = Write("color,note,x2,id,x1", rows.Select(r => $"{r["color"]},\"a note, with \"\"quotes\"\"\nand a line\",{r["x2"]},{r["id"]},{r["x1"]}"));

        var (count, output) = Score(loaded, csv);

        Assert.Equal(90, count);
        var records = Csv.Parse(output);
        Assert.Equal(["color", "note", "x2", "id", "x1", "Score"], records[0]);
        Assert.Equal(91, records.Count);
        Assert.All(records.Skip(1), r => Assert.Equal("a note, with \"quotes\"\nand a line", r[1]));
        Assert.Equal(rows.Select(r => r["id"]), records.Skip(1).Select(r => r[3]));
        Assert.Equal(expected.Select(e => e.Score), records.Skip(1).Select(r => r[5]));
    }

    [Theory]
    [InlineData("Sdca")]
    [InlineData("LightGbm")]
    [InlineData("FastTree")]
    public void Binary_predictions_are_class_names_with_probability_and_score(string trainer)
    {
        var (loaded, expected) = SaveAndLoad(TaskKind.Binary, trainer);
        var rows = Training();

        var records = Csv.Parse(Score(loaded, Write("id,x1,x2,color", rows.Select(r => $"{r["id"]},{r["x1"]},{r["x2"]},{r["color"]}"))).Output);

        Assert.Equal(["id", "x1", "x2", "color", "PredictedLabel", "Probability.low", "Score"], records[0]);
        var predictions = records.Skip(1).ToList();
        Assert.Equal(expected.Select(e => TinyModels.Grades[e.Positive ? 1 : 0]), predictions.Select(r => r[4]));
        Assert.Equal(expected.Select(e => e.Probability), predictions.Select(r => r[5]));
        Assert.Equal(expected.Select(e => e.Score), predictions.Select(r => r[6]));
        Assert.True(Accuracy(predictions.Select(r => r[4]), rows.Select(r => r["grade"])) >= 0.8);
    }

    [Fact]
    public void A_binary_models_tuned_threshold_decides_the_predicted_class()
    {
        var (model, data, info) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), TaskKind.Binary, "LightGbm");
        var expected = Expected(model.Transform(data), TaskKind.Binary);
        // Between the probabilities, so that the threshold, not the trainer's 0.5, moves some rows to the other class.
        // Midway between two probabilities, so no row sits on it.
        var probabilities = expected.Select(e => double.Parse(e.Probability, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        var threshold = (probabilities[probabilities.Count / 3] + probabilities[(probabilities.Count / 3) + 1]) / 2;
        var path = TunedModel.Save(ml, model, data.Schema, Path.Combine(directory, "model.zip"), info with { Threshold = threshold });
        var loaded = TunedModel.Load(new MLContext(seed: 3), path);
        Assert.Equal(threshold, loaded.Info.Threshold);

        var rows = Training();
        var records = Csv.Parse(Score(loaded, Write("id,x1,x2,color", rows.Select(r => $"{r["id"]},{r["x1"]},{r["x2"]},{r["color"]}"))).Output);

        var predicted = records.Skip(1).Select(r => r[4]).ToList();
        Assert.Equal(expected.Select(e => TinyModels.Grades[double.Parse(e.Probability, CultureInfo.InvariantCulture) >= threshold ? 1 : 0]), predicted);
        Assert.NotEqual(expected.Select(e => TinyModels.Grades[e.Positive ? 1 : 0]), predicted);
    }

    [Theory]
    [InlineData(TaskKind.Binary, 1.5)]
    [InlineData(TaskKind.Regression, 0.5)]
    public void A_threshold_outside_a_binary_models_probabilities_is_refused(TaskKind task, double threshold)
    {
        var (model, data, info) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), task, "Sdca");

        var error = Assert.Throws<ArgumentException>(() =>
            TunedModel.Save(ml, model, data.Schema, Path.Combine(directory, "model.zip"), info with { Threshold = threshold }));
        Assert.Contains("decision threshold", error.Message);
        Assert.False(File.Exists(Path.Combine(directory, "model.zip")));
    }

    [Fact]
    public void An_uncalibrated_binary_model_has_no_probability_column()
    {
        var (loaded, _) = SaveAndLoad(TaskKind.Binary, "LinearSvm");

        var records = Csv.Parse(Score(loaded, Write("x1,x2,color", ["1,2,red", "9,0,blue"])).Output);

        Assert.Equal(["x1", "x2", "color", "PredictedLabel", "Score"], records[0]);
        Assert.All(records.Skip(1), r => Assert.Contains(r[3], TinyModels.Grades));
    }

    [Theory]
    [InlineData("Sdca")]
    [InlineData("LightGbm")]
    public void Multiclass_predictions_are_class_names_with_a_probability_per_class(string trainer)
    {
        var (loaded, _) = SaveAndLoad(TaskKind.Multiclass, trainer);
        var rows = Training();

        var records = Csv.Parse(Score(loaded, Write("x1,x2,color", rows.Select(r => $"{r["x1"]},{r["x2"]},{r["color"]}"))).Output);

        Assert.Equal(["x1", "x2", "color", "PredictedLabel", "Probability.cat", "Probability.dog", "Probability.fish"], records[0]);
        foreach (var record in records.Skip(1))
        {
            var probabilities = record[4..].Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(1, probabilities.Sum(), 3);
            // The label the model predicts is the class whose column holds the highest probability: the columns are
            // named by class, not by the order in which the key mapping met the classes (fish, cat, dog).
            Assert.Equal(TinyModels.Species[probabilities.IndexOf(probabilities.Max())], record[3]);
        }

        Assert.Equal(1, Accuracy(records.Skip(1).Select(r => r[3]), rows.Select(r => r["species"])));
    }

    [Fact]
    public void A_file_with_the_label_and_other_labels_scores_too()
    {
        var (loaded, _) = SaveAndLoad(TaskKind.Multiclass, "Sdca");

        var records = Csv.Parse(Score(loaded, TinyModels.WriteTrainingCsv(directory)).Output);

        Assert.Equal([.. TinyModels.Header, "PredictedLabel", "Probability.cat", "Probability.dog", "Probability.fish"], records[0]);
        Assert.Equal(records.Skip(1).Select(r => r[6]), records.Skip(1).Select(r => r[7]));
    }

    [Fact]
    public void A_missing_input_column_is_named_with_the_files_columns_and_nothing_is_written()
    {
        var (loaded, _) = SaveAndLoad(TaskKind.Regression, "Sdca");
        var csv = Write("id,x1,colour", ["a,1,red"]);
        var output = new StringWriter();

        var error = Assert.Throws<DataException>(() => ModelScoring.ScoreCsv(loaded, csv, output));

        Assert.Equal($"Data file '{csv}' has no columns 'x2', 'color', which the model reads. Its columns: id, x1, colour.", error.Message);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void A_training_column_the_pipeline_ignores_may_be_absent()
    {
        var (model, data, info) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), TaskKind.Regression, "Sdca", withId: true);
        var loaded = TunedModel.Load(ml, TunedModel.Save(ml, model, data.Schema, Path.Combine(directory, "model.zip"), info));

        var records = Csv.Parse(Score(loaded, Write("x1,x2,color", ["1,2,red"])).Output);
        var error = Assert.Throws<DataException>(() => Score(loaded, Write("x2,color", ["2,red"])));

        Assert.Equal([("id", false), ("x1", true), ("x2", true), ("color", true), ("amount", true)], loaded.Info.Inputs.Select(c => (c.Name, c.Used)));
        Assert.Equal(["x1", "x2", "color", "Score"], records[0]);
        Assert.Contains("has no column 'x1', which the model reads. Its columns: x2, color.", error.Message);
    }

    [Fact]
    public void An_empty_number_is_missing_but_text_in_a_number_column_is_an_error_at_its_line()
    {
        var (loaded, _) = SaveAndLoad(TaskKind.Regression, "FastTree");

        var scored = Csv.Parse(Score(loaded, Write("x1,x2,color", ["1,,red", "2,1.5,"])).Output);
        var error = Assert.Throws<DataException>(() => Score(loaded, Write("x1,x2,color", ["1,2,red", "3,two,blue"])));

        Assert.Equal(3, scored.Count);
        Assert.All(scored.Skip(1), r => Assert.True(float.TryParse(r[3], NumberStyles.Float, CultureInfo.InvariantCulture, out _)));
        Assert.EndsWith("line 3: column 'x2' is 'two', not a number.", error.Message);
    }

    [Fact]
    public void A_record_of_the_wrong_length_and_a_column_named_like_a_prediction_are_refused()
    {
        var (loaded, _) = SaveAndLoad(TaskKind.Binary, "Sdca");

        var ragged = Assert.Throws<DataException>(() => Score(loaded, Write("x1,x2,color", ["1,2,red", "1,2"])));
        var clash = Assert.Throws<DataException>(() => Score(loaded, Write("x1,x2,color,Probability.low", ["1,2,red,0.5"])));
        var missing = Assert.Throws<DataException>(() => Score(loaded, Path.Combine(directory, "none.csv")));

        Assert.EndsWith("line 3: 2 values where the header has 3 columns.", ragged.Message);
        Assert.Contains("has a column 'Probability.low', the name of a prediction column", clash.Message);
        Assert.Contains("none.csv' does not exist", missing.Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private (LoadedModel Model, List<(string Score, bool Positive, string Probability)> Expected) SaveAndLoad(TaskKind task, string trainer)
    {
        var (model, data, info) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), task, trainer);
        var path = TunedModel.Save(ml, model, data.Schema, Path.Combine(directory, "model.zip"), info);
        return (TunedModel.Load(new MLContext(seed: 3), path), Expected(model.Transform(data), task));
    }

    private (int Count, string Output) Score(LoadedModel model, string csv)
    {
        var output = new StringWriter();
        var count = ModelScoring.ScoreCsv(model, csv, output);
        return (count, output.ToString());
    }

    private List<Dictionary<string, string>> Training()
    {
        var lines = File.ReadAllLines(TinyModels.WriteTrainingCsv(directory));
        return [.. lines.Skip(1).Select(l => TinyModels.Header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private string Write(string header, IEnumerable<string> rows)
    {
        var path = Path.Combine(directory, $"score-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, header + "\r\n" + string.Join("\r\n", rows) + "\r\n");
        return path;
    }

    private static List<(string Score, bool Positive, string Probability)> Expected(IDataView scored, TaskKind task)
    {
        var result = new List<(string, bool, string)>();
        if (task == TaskKind.Multiclass)
        {
            return result; // the multiclass tests check the columns against each other and the labels
        }

        var score = scored.Schema["Score"];
        var label = scored.Schema.GetColumnOrNull("PredictedLabel");
        var probability = scored.Schema.GetColumnOrNull("Probability");
        using var cursor = scored.GetRowCursor(scored.Schema);
        var getScore = cursor.GetGetter<float>(score);
        var getLabel = label is { } l ? cursor.GetGetter<bool>(l) : null;
        var getProbability = probability is { } p ? cursor.GetGetter<float>(p) : null;
        while (cursor.MoveNext())
        {
            float s = 0, q = 0;
            var positive = false;
            getScore(ref s);
            getLabel?.Invoke(ref positive);
            getProbability?.Invoke(ref q);
            result.Add((Text(s), positive, Text(q)));
        }

        return result;
    }

    private static string Text(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Accuracy(IEnumerable<string> predicted, IEnumerable<string> actual) =>
        predicted.Zip(actual).Average(p => p.First == p.Second ? 1.0 : 0.0);
}
