using Dials.ML;
using Dials.Testing;
using Microsoft.ML;

namespace Dials.Cli.Tests;

/// <summary>dials predict, end to end in a process of its own: a fresh process has loaded no trainer assembly, so a
/// LightGbm or FastTree model loads only if the command makes ML.NET find it.</summary>
public sealed class PredictCommandTests : IDisposable
{
    private readonly MLContext ml = new(seed: 1);
    private readonly string directory = Directory.CreateTempSubdirectory("dials-predict-").FullName;

    [Theory]
    [InlineData(TaskKind.Binary, "LightGbm")]
    [InlineData(TaskKind.Regression, "FastTree")]
    [InlineData(TaskKind.Multiclass, "Sdca")]
    [InlineData(TaskKind.Multiclass, "LightGbm")]
    public void A_saved_model_scores_a_csv_without_its_label_into_the_out_file(TaskKind task, string trainer)
    {
        var model = Save(task, trainer);
        var data = WithoutLabels();
        var expected = new StringWriter();
        ModelScoring.ScoreCsv(TunedModel.Load(ml, model), data, expected);
        var path = Path.Combine(directory, "out", "scored.csv");

        var run = CliProcess.Run("predict", "--model", model, "--data", data, "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains($"wrote 90 prediction(s) to {path}", run.Error);
        var records = Csv.Parse(File.ReadAllText(path));
        Assert.Equal(Csv.Parse(expected.ToString()), records);
        Assert.Equal(["id", "x1", "x2", "color"], records[0][..4]);
        var predicted = records.Skip(1).Select(r => r[4]).ToHashSet();
        Assert.Subset(task switch { TaskKind.Binary => [.. TinyModels.Grades], TaskKind.Multiclass => [.. TinyModels.Species], _ => predicted }, predicted);
    }

    [Fact]
    public void Without_out_the_csv_goes_to_stdout()
    {
        var model = Save(TaskKind.Regression, "Sdca");

        var run = CliProcess.Run("predict", "--model", model, "--data", WithoutLabels());

        Assert.Equal(0, run.ExitCode);
        var records = Csv.Parse(run.Out);
        Assert.Equal(["id", "x1", "x2", "color", "Score"], records[0]);
        Assert.Equal(91, records.Count);
    }

    [Fact]
    public void A_missing_or_damaged_model_is_named_and_nothing_is_written()
    {
        var data = WithoutLabels();
        var missing = Path.Combine(directory, "nope.zip");
        var damaged = Path.Combine(directory, "damaged.zip");
        File.WriteAllText(damaged, "not a zip");
        var path = Path.Combine(directory, "scored.csv");

        var noFile = CliProcess.Run("predict", "--model", missing, "--data", data, "--out", path);
        var notZip = CliProcess.Run("predict", "--model", damaged, "--data", data, "--out", path);

        Assert.Equal((1, 1), (noFile.ExitCode, notZip.ExitCode));
        Assert.Equal($"error: Model file '{missing}' does not exist.", noFile.Error.Trim());
        Assert.Equal($"error: Model file '{damaged}' is not a model.zip (not a readable zip archive).", notZip.Error.Trim());
        Assert.Equal(("", ""), (noFile.Out, notZip.Out));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_bad_csv_is_named_with_its_line_and_nothing_is_written()
    {
        var model = Save(TaskKind.Binary, "Sdca");
        var ragged = Write("ragged.csv", "x1,x2,color\r\n1,2,red\r\n1,2\r\n");
        var notNumber = Write("text.csv", "x1,x2,color\r\n1,two,red\r\n");
        var unclosed = Write("quote.csv", "x1,x2,color\r\n1,2,\"red\r\n");
        var path = Path.Combine(directory, "scored.csv");

        var runs = new[] { ragged, notNumber, unclosed, Path.Combine(directory, "none.csv") }
            .Select(data => CliProcess.Run("predict", "--model", model, "--data", data, "--out", path)).ToList();

        Assert.All(runs, run => Assert.Equal((1, ""), (run.ExitCode, run.Out)));
        Assert.Contains($"'{ragged}', line 3: 2 values where the header has 3 columns", runs[0].Error);
        Assert.Contains($"'{notNumber}', line 2: column 'x2' is 'two', not a number", runs[1].Error);
        Assert.Contains($"'{unclosed}', line 2: a quoted value opens there and is never closed", runs[2].Error);
        Assert.Contains("none.csv' does not exist", runs[3].Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_missing_input_column_is_named_with_the_files_columns()
    {
        var model = Save(TaskKind.Multiclass, "Sdca");
        var data = Write("colour.csv", "id,x1,x2,colour\r\na,1,2,red\r\n");
        var path = Path.Combine(directory, "scored.csv");

        var run = CliProcess.Run("predict", "--model", model, "--data", data, "--out", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: Data file '{data}' has no column 'color', which the model reads. Its columns: id, x1, x2, colour.", run.Error.Trim());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Missing_options_are_a_usage_error()
    {
        var run = CliProcess.Run("predict", "--data", "x.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--model", run.Error);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Save(TaskKind task, string trainer)
    {
        var (model, data, info) = TinyModels.Fit(ml, TinyModels.WriteTrainingCsv(directory), task, trainer);
        return TunedModel.Save(ml, model, data.Schema, Path.Combine(directory, $"{task}-{trainer}.zip"), info);
    }

    /// <summary>The training rows with their identifiers and features but none of the label columns.</summary>
    private string WithoutLabels()
    {
        var lines = File.ReadAllLines(TinyModels.WriteTrainingCsv(directory));
        return Write("unlabelled.csv", string.Concat(lines.Select(l => string.Join(',', l.Split(',')[..4]) + "\r\n")));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
