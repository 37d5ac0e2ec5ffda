using Dials.ML;
using Microsoft.ML;

namespace Dials.Samples.Tests;

/// <summary>The main job on data of its user's own: columns of every kind read and reported, trainers searched with
/// their settings, a model saved that scores new rows; bad columns refused naming the column, exit 2, nothing written.</summary>
public sealed class AnyCsvTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dials-anycsv-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Titanic => Path.Combine(RepositoryRoot.Path, "samples", "TuneMlNet", "data", "titanic.csv");

    private string Storage => Path.Combine(folder, "runs", "study.jsonl");

    private string[] TitanicArgs(params string[] more) =>
        ["--data", Titanic, "--label", "survived", "--task", "binary", "--folds", "2", "--storage", Storage, .. more];

    /// <summary>Runs the main job on a file of these lines, label y, binary.</summary>
    private Task<(int Exit, string Output, string Error)> RunBinary(string name, string[] lines)
    {
        var data = Path.Combine(folder, name);
        File.WriteAllLines(data, lines);
        return TuneRunner.RunAsync("--data", data, "--label", "y", "--task", "binary", "--storage", Storage);
    }

    /// <summary>Asserts the run failed as bad input naming <paramref name="named"/> and left no file behind.</summary>
    private void AssertRefused((int Exit, string Output, string Error) run, string named)
    {
        Assert.Equal(2, run.Exit);
        Assert.Contains(named, run.Error);
        Assert.StartsWith("error: ", run.Error);
        Assert.False(Directory.Exists(Path.Combine(folder, "runs")), "nothing may be written on bad input");
    }

    [Fact]
    public async Task Titanic_reads_text_categorical_and_numeric_columns_searches_trainers_and_saves_a_model_that_scores_new_rows()
    {
        var (exit, output, error) = await TuneRunner.RunAsync(TitanicArgs("--trials", "6", "--sampler", "random", "--trainers", "lightgbm,sdca,fastforest"));

        Assert.True(exit == 0, error);
        Assert.Matches(@"name\s+│\s+text", output);
        Assert.Matches(@"class\s+│\s+categorical", output);
        Assert.Matches(@"fare\s+│\s+numeric", output);
        Assert.Contains("Test AUC", output);
        Assert.Matches(@"LightGBM\s+│", output); // the per-trainer table

        var runs = Path.Combine(folder, "runs");
        var card = File.ReadAllText(Path.Combine(runs, "study.card.md"));
        Assert.Contains("Trainers (which won and how the others did)", card);
        Assert.Contains("LightGBM, FastForest, SDCA", card);
        Assert.Contains("name", card);
        Assert.True(File.Exists(Path.Combine(runs, "study.split.json")));

        // The saved model scores rows that have no label, read by column name.
        // The label is the file's last column, never quoted, so dropping each line's last field drops it.
        var rows = File.ReadLines(Titanic).Take(4).ToList();
        var header = rows[0].Split(',');
        Assert.Equal(header.Length - 1, Array.IndexOf(header, "survived"));
        var unlabelled = Path.Combine(folder, "new.csv");
        File.WriteAllLines(unlabelled, rows.Select(r => r[..r.LastIndexOf(',')]));
        var model = TunedModel.Load(new MLContext(0), Path.Combine(runs, "study.model.zip"));
        Assert.Equal(TaskKind.Binary, model.Info.Task);
        Assert.Equal(["no", "yes"], model.Info.Classes);
        var scored = new StringWriter();
        Assert.Equal(3, ModelScoring.ScoreCsv(model, unlabelled, scored));
        Assert.Contains("PredictedLabel", scored.ToString().Split('\n')[0]);
    }

    [Fact]
    public async Task A_column_named_in_a_flag_that_does_not_exist_is_refused()
    {
        AssertRefused(await TuneRunner.RunAsync(TitanicArgs("--categorical", "cabin")), "'cabin'");
    }

    [Fact]
    public async Task A_label_with_one_class_is_refused()
    {
        AssertRefused(await RunBinary("one-class.csv", ["x,y", .. Enumerable.Range(0, 30).Select(i => $"{i},yes")]), "'y'");
    }

    [Fact]
    public async Task A_text_column_for_a_numeric_only_trainer_is_refused()
    {
        AssertRefused(await TuneRunner.RunAsync(TitanicArgs("--trainers", "gam")), "'name'");
    }

    [Fact]
    public async Task An_all_missing_column_is_refused()
    {
        AssertRefused(await RunBinary("gaps.csv", ["x,empty,y", .. Enumerable.Range(0, 30).Select(i => $"{i},,{i % 2}")]), "'empty'");
    }

    [Fact]
    public async Task Text_columns_leave_numeric_only_trainers_out_of_the_search_and_say_so()
    {
        var (exit, output, error) = await TuneRunner.RunAsync(TitanicArgs("--trials", "1"));

        Assert.True(exit == 0, error);
        Assert.Contains("Left out of the search: GAM", output);
    }

    [Fact]
    public async Task The_Columns_section_of_a_settings_file_overrides_inference_and_a_misspelt_key_is_named()
    {
        var settings = Path.Combine(folder, "settings.json");
        File.WriteAllText(settings, """{ "Columns": { "Ignore": [ "name" ], "Categorical": [ "sibsp" ] } }""");
        var (exit, output, error) = await TuneRunner.RunAsync(TitanicArgs("--trials", "1", "--settings", settings));
        Assert.True(exit == 0, error);
        Assert.Matches(@"name\s+│\s+ignored", output);
        Assert.Matches(@"sibsp\s+│\s+categorical", output);

        Directory.Delete(Path.Combine(folder, "runs"), recursive: true);
        File.WriteAllText(settings, """{ "Columns": { "Categoricals": [ "sibsp" ] } }""");
        AssertRefused(await TuneRunner.RunAsync(TitanicArgs("--settings", settings)), "Categoricals");
    }
}
