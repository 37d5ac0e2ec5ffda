using TuneMlNet;

namespace Dials.Samples.Tests;

/// <summary>The main job's entry point, run in-process: bad input fails clearly, a study resumes to its total budget.</summary>
public sealed class TuneCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dials-tune-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Task<(int Exit, string Output, string Error)> Run(params string[] args) => TuneRunner.RunAsync(args);

    [Fact]
    public async Task A_missing_data_file_is_named_and_exits_non_zero()
    {
        var (exit, _, error) = await Run("--data", Path.Combine(folder, "nope.csv"), "--label", "y", "--task", "regression");

        Assert.Equal(TuneCommand.DataError, exit);
        Assert.Contains("nope.csv' does not exist", error);
    }

    [Fact]
    public async Task A_missing_label_column_lists_the_columns()
    {
        var (exit, _, error) = await Run("--data", Diabetes.Path, "--label", "outcome", "--task", "regression");

        Assert.Equal(TuneCommand.DataError, exit);
        Assert.Contains("no column 'outcome'", error);
        Assert.Contains("progression", error);
    }

    [Fact]
    public async Task A_numeric_label_for_a_binary_task_is_refused()
    {
        var (exit, _, error) = await Run("--data", Diabetes.Path, "--label", "progression", "--task", "binary");

        Assert.Equal(TuneCommand.DataError, exit);
        Assert.Contains("a binary task needs exactly two", error);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var empty = Path.Combine(folder, "empty.csv");
        File.WriteAllText(empty, "");

        var (exit, _, error) = await Run("--data", empty, "--label", "y", "--task", "regression");

        Assert.Equal(TuneCommand.DataError, exit);
        Assert.Contains("is empty", error);
    }

    [Theory]
    [InlineData("--task", "ranking")]
    [InlineData("--trials", "many")]
    [InlineData("--unknown", "1")]
    [InlineData("--trials", "0")]
    public async Task Bad_options_exit_with_a_usage_error(string option, string value)
    {
        var (exit, _, error) = await Run(option, value);

        Assert.Equal(TuneCommand.UsageError, exit);
        Assert.Contains("error:", error);
    }

    [Theory]
    [InlineData("--sampler", "annealing")]
    [InlineData("--samplers", "auto,annealing")]
    [InlineData("--samplers", "tpe,tpe")]
    public async Task Unknown_or_repeated_samplers_exit_with_a_usage_error(string option, string value)
    {
        string[] compare = option == "--samplers" ? ["--compare", "1"] : [];
        var (exit, _, error) = await Run([option, value, .. compare]);

        Assert.Equal(TuneCommand.UsageError, exit);
        Assert.Contains(option, error);
        Assert.Contains(string.Join(", ", Dials.Catalogs.SamplerCatalog.All.Names), error);
    }

    [Fact]
    public async Task The_default_sampler_is_the_automatic_one_and_every_trial_records_its_strategy()
    {
        var storage = Path.Combine(folder, "auto.jsonl");

        var (exit, output, _) = await Run("--data", Diabetes.Path, "--label", "progression", "--task", "regression",
            "--trials", "3", "--folds", "2", "--storage", storage);

        Assert.Equal(0, exit);
        Assert.Contains("Auto sampler", output);
        Assert.Contains("Proposed by: 2 QMC start-up, 1 queued.", output);
        var log = File.ReadAllLines(Path.Combine(folder, "auto.trials.jsonl"));
        Assert.Contains("\"strategy\":\"queued\"", log[0], StringComparison.Ordinal);
        Assert.All(log[1..], line => Assert.Contains("\"strategy\":\"QMC start-up\"", line, StringComparison.Ordinal));
        Assert.Contains("Sampler: Auto (seed 0; proposed by 2 QMC start-up, 1 queued)", File.ReadAllText(Path.Combine(folder, "auto.card.md")));
    }

    [Theory]
    [InlineData("postgresql:Host=db;Password=hunter2", "Unknown storage prefix 'postgresql:' (did you mean 'postgres:'?)")]
    [InlineData("sqllite:study.db", "Unknown storage prefix 'sqllite:' (did you mean 'sqlite:'?)")]
    public async Task An_unknown_storage_prefix_is_refused_by_name_and_creates_nothing(string storage, string message)
    {
        var before = Directory.GetFileSystemEntries(Environment.CurrentDirectory, "*", SearchOption.AllDirectories).Length;

        var (exit, _, error) = await Run("--data", Diabetes.Path, "--label", "progression", "--task", "regression",
            "--trials", "1", "--folds", "2", "--storage", storage);

        Assert.Equal(TuneCommand.UsageError, exit);
        Assert.Contains(message, error);
        Assert.DoesNotContain("hunter2", error);
        Assert.Equal(before, Directory.GetFileSystemEntries(Environment.CurrentDirectory, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_sqlite_password_is_never_printed_nor_made_into_a_folder()
    {
        var storage = $"sqlite:Data Source={Path.Combine(folder, "db", "s.db")};Password=hunter2";

        string output;
        try
        {
            var run = await Run("--data", Diabetes.Path, "--label", "progression", "--task", "regression",
                "--trials", "1", "--folds", "2", "--storage", storage);
            output = run.Output + run.Error;
        }
        catch (Exception exception)
        {
            // The bundled SQLite has no encryption and refuses the password; its message must not repeat it either.
            output = exception.ToString();
        }

        Assert.DoesNotContain("hunter2", output);
        Assert.Empty(Directory.GetFileSystemEntries(folder, "*hunter2*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFileSystemEntries(Environment.CurrentDirectory, "*hunter2*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Data_without_a_label_asks_for_one()
    {
        var (exit, _, error) = await Run("--data", Diabetes.Path, "--task", "regression");

        Assert.Equal(TuneCommand.UsageError, exit);
        Assert.Contains("--label is required", error);
    }

    [Theory]
    [InlineData("", "study.jsonl")]
    [InlineData("sqlite:", "study.db")]
    public async Task Rerunning_with_the_same_storage_resumes_to_the_total_budget(string kind, string file)
    {
        var storage = kind + Path.Combine(folder, file);
        var log = Path.Combine(folder, "study.trials.jsonl");
        string[] Args(int trials) => ["--data", Diabetes.Path, "--label", "progression", "--task", "regression",
            "--trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture), "--folds", "2", "--storage", storage];

        var first = await Run(Args(3));
        Assert.Equal(0, first.Exit);
        Assert.Equal(3, File.ReadAllLines(log).Length);
        Assert.Contains("0 trial(s) already", first.Output);

        var spent = await Run(Args(3));
        Assert.Equal(0, spent.Exit);
        Assert.Contains("3 trial(s) already", spent.Output);
        Assert.Equal(3, File.ReadAllLines(log).Length);

        var more = await Run(Args(5));
        Assert.Equal(0, more.Exit);
        Assert.Equal(5, File.ReadAllLines(log).Length);
        // Trial 0 is the enqueued defaults, once: resuming does not queue them again.
        Assert.Single(File.ReadAllLines(log), line => line.Contains("\"Trainer\":\"LightGbm\",\"LightGbm.NumberOfLeaves\":31,\"LightGbm.LearningRate\":0.1,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "study.card.md")));
        Assert.Contains("\"title\": \"Held-out scores\"", File.ReadAllText(Path.Combine(folder, "study.card.json")));
    }
}
