using TuneMlNet;

namespace Dials.Samples.Tests;

/// <summary>The main job with several objectives (<c>--objectives rmse,latency</c>), in-process: the front is printed,
/// one point chosen and evaluated once on the test split; bad input exits 2 and writes nothing.</summary>
public sealed class ParetoJobTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dials-pareto-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string[] Args(int trials, params string[] more) =>
        ["--data", Diabetes.Path, "--label", "progression", "--task", "regression", "--trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--folds", "2", "--storage", Path.Combine(folder, "study.jsonl"), .. more];

    [Fact]
    public async Task Rmse_against_latency_prints_the_front_and_tests_the_chosen_point_once()
    {
        var (exit, output, error) = await TuneRunner.RunAsync(Args(4, "--objectives", "rmse,latency"));

        Assert.True(exit == 0, error);
        Assert.Contains("Objectives rmse (minimize), latency (minimize);", output);
        Assert.Contains("Auto sampler, no pruning (several objectives)", output);
        Assert.Contains("Latency: median of 5 timed passes scoring the", output);
        Assert.Contains("Pareto front:", output);
        Assert.Contains("latency (µs/row)", output);
        Assert.Contains("(without --max-latency the rule is the lowest rmse on the front)", output);
        Assert.Matches(@"Chosen: trial \d+ has the lowest rmse", output);
        Assert.Contains("Test RMSE (", output);
        var log = File.ReadAllLines(Path.Combine(folder, "study.rmse-latency.trials.jsonl"));
        Assert.Equal(4, log.Length);
        // Every complete trial keeps its values; a failed one (a trainer that predicts NaN on a fold) has none.
        Assert.All(log.Where(line => line.Contains("\"state\":\"Complete\"", StringComparison.Ordinal)),
            line => Assert.Contains("\"values\":[", line, StringComparison.Ordinal));

        // The report opens with the front; the card gives the front and the chosen point with the rule's reason.
        // Both name the objectives as the job does: the names are stored with the study.
        var report = File.ReadAllText(Path.Combine(folder, "study.rmse-latency.report.html"));
        Assert.Contains("Pareto front", report);
        Assert.Contains("<dd>rmse (minimise), latency (minimise)</dd>", report);
        var card = File.ReadAllText(Path.Combine(folder, "study.rmse-latency.card.md"));
        Assert.Contains("- Objectives: rmse (minimize), latency (minimize)", card);
        Assert.DoesNotContain("objective 1", card);
        Assert.Matches(@"## Chosen configuration \(trial \d+\)", card);
        Assert.Contains("has the lowest rmse", card);
        Assert.Contains("Test", card);
    }

    [Fact]
    public async Task Size_is_an_objective_too()
    {
        var (exit, output, error) = await TuneRunner.RunAsync(Args(2, "--objectives", "rmse,size"));

        Assert.True(exit == 0, error);
        Assert.Contains("Size: the bytes of the model", output);
        Assert.Contains("size (bytes)", output);
    }

    [Fact]
    public async Task A_latency_bound_no_front_point_meets_exits_2_and_writes_no_log()
    {
        var (exit, output, error) = await TuneRunner.RunAsync(Args(2, "--objectives", "rmse,latency", "--max-latency", "0.0001"));

        Assert.Equal(TuneCommand.UsageError, exit);
        Assert.Contains("error: --max-latency 0.0001: None of the", error);
        Assert.Contains("has latency at most 0.0001 (on the front: latency from", error);
        Assert.Contains("Nothing was evaluated on the test split", error);
        Assert.DoesNotContain("Test RMSE", output);
        Assert.Empty(Directory.GetFiles(folder, "*.trials.jsonl"));
    }

    [Fact]
    public async Task A_latency_bound_every_point_meets_names_the_rule()
    {
        var (exit, output, error) = await TuneRunner.RunAsync(Args(2, "--objectives", "rmse,latency", "--max-latency", "1e9"));

        Assert.True(exit == 0, error);
        Assert.Matches(@"Chosen by --max-latency 1E\+09 \(the lowest rmse with latency at most 1E\+09\): trial \d+ has the lowest rmse", output);
    }

    [Theory]
    [InlineData(new[] { "--objectives", "rmse,speed" }, "--objectives: unknown objective 'speed'; for a regression task the objectives are rmse, latency, size.")]
    [InlineData(new[] { "--objectives", "latency,size" }, "--objectives must include the task's metric, rmse")]
    [InlineData(new[] { "--objectives", "rmse,latency,latency" }, "--objectives names latency twice.")]
    [InlineData(new[] { "--max-latency", "5" }, "--max-latency needs latency among --objectives")]
    [InlineData(new[] { "--objectives", "rmse,size", "--max-latency", "5" }, "--max-latency needs latency among --objectives")]
    [InlineData(new[] { "--objectives", "rmse,latency", "--max-latency", "0" }, "--max-latency must be a positive number")]
    [InlineData(new[] { "--objectives", "rmse,latency", "--sampler", "gp" }, "--sampler gp optimizes one objective and cannot sample several; use one of")]
    [InlineData(new[] { "--objectives", "rmse,latency", "--compare", "1" }, "--compare benchmarks samplers on one objective")]
    public async Task Bad_objective_options_exit_2_and_create_nothing(string[] options, string message)
    {
        var (exit, _, error) = await TuneRunner.RunAsync(Args(2, options));

        Assert.Equal(TuneCommand.UsageError, exit);
        Assert.Contains("error: " + message, error);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task One_objective_is_the_single_objective_job()
    {
        var (exit, output, error) = await TuneRunner.RunAsync(Args(2, "--objectives", "RMSE"));

        Assert.True(exit == 0, error);
        Assert.Contains("best is trial", output);
        Assert.Contains("median pruning", output);
        Assert.True(File.Exists(Path.Combine(folder, "study.card.md")));
    }
}
