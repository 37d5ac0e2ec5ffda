using System.Text.Json;
using TuneNetwork;

namespace Dials.Samples.Tests;

/// <summary>The network sample run as its own process with a tiny budget (a tenth of every training length), each
/// mode writing its files next to the study, as its README says.</summary>
public sealed class TuneNetworkProcessTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dials-tune-network-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Study => Path.Combine(folder, "digits.jsonl");

    private ProcessRun Run(params string[] args) =>
        RedirectedProcess.Run(Path.Combine(AppContext.BaseDirectory, "TuneNetwork.dll"), folder, null, args);

    [Fact]
    public void Tuning_writes_the_study_log_card_weights_and_report_and_tests_once()
    {
        var run = Run("--trials", "4", "--epoch-scale", "0.1", "--storage", Study);

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Equal("", run.Error);
        Assert.DoesNotContain(ProcessRun.Escape, run.Out, StringComparison.Ordinal);
        Assert.Contains("4 trials (", run.Out, StringComparison.Ordinal);
        Assert.Contains("Test accuracy (359 rows, once)", run.Out, StringComparison.Ordinal);
        foreach (var suffix in new[] { ".jsonl", ".trials.jsonl", ".card.md", ".card.json", ".weights.json", ".report.html" })
        {
            Assert.True(File.Exists(Path.Combine(folder, "digits" + suffix)), suffix);
        }

        using var weights = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "digits.weights.json")));
        var sizes = weights.RootElement.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal(64, sizes[0]);
        Assert.Equal(10, sizes[^1]);
        var layers = weights.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(sizes.Count - 1, layers.Count);
        Assert.Equal(sizes[0] * sizes[1], layers[0].GetProperty("weights").GetArrayLength());
        var card = File.ReadAllText(Path.Combine(folder, "digits.card.md"));
        Assert.Contains("Test accuracy, tuned", card, StringComparison.Ordinal);
        Assert.Contains("digits.weights.json", card, StringComparison.Ordinal);

        // The report carries the range test of the winner's network: its section, the curve and the suggested rate.
        var report = File.ReadAllText(Path.Combine(folder, "digits.report.html"));
        Assert.Contains("id=\"range-test\"", report, StringComparison.Ordinal);
        Assert.Contains("suggested rate", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_range_test_and_the_scaling_check_write_their_curves_and_runs()
    {
        var range = Run("--range-test", "--storage", Study);
        var scaling = Run("--scaling", "--epoch-scale", "0.1", "--storage", Study);

        Assert.True(range.ExitCode == 0, range.Error + range.Out);
        Assert.Contains("Suggested rate", range.Out, StringComparison.Ordinal);
        Assert.Contains("sgd,", File.ReadAllText(Path.Combine(folder, "digits.range-test.csv")), StringComparison.Ordinal);
        using var suggestions = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "digits.range-test.json")));
        Assert.True(suggestions.RootElement.GetProperty("adam").GetProperty("suggestedRate").GetDouble() > 0);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(folder, "digits.range-test.svg")), StringComparison.Ordinal);

        Assert.True(scaling.ExitCode == 0, scaling.Error + scaling.Out);
        Assert.Contains("the default network (no tuned study yet)", scaling.Out, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(folder, "digits.scaling.csv"));
        Assert.Equal(1 + 4 * ScalingJob.Seeds, rows.Length);
        Assert.Contains(rows, r => r.StartsWith("adam,\"batch 128, linear rule\",128,0.004,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("adam,\"batch 128, square-root rule\",128,0.002,", StringComparison.Ordinal));
    }

    [Fact]
    public void Population_based_training_checkpoints_resumes_its_finished_run_and_compares_with_tpe()
    {
        var first = Run("--pbt", "--epoch-scale", "0.1", "--storage", Study);
        var again = Run("--pbt", "--epoch-scale", "0.1", "--storage", Study);
        var compare = Run("--compare-pbt", "1", "--epoch-scale", "0.1", "--storage", Study);

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.True(File.Exists(Path.Combine(folder, "digits.pbt.jsonl")));
        Assert.True(File.Exists(Path.Combine(folder, "digits.pbt.weights.json")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "digits.pbt-checkpoints")));
        var card = File.ReadAllText(Path.Combine(folder, "digits.pbt.card.md"));
        Assert.Contains("## Population-based training schedule", card, StringComparison.Ordinal);
        Assert.Contains("- Steps 0-", card, StringComparison.Ordinal);
        Assert.Contains("Test accuracy", card, StringComparison.Ordinal);
        var report = File.ReadAllText(Path.Combine(folder, "digits.pbt.report.html"));
        Assert.Contains("Population-based training schedule", report, StringComparison.Ordinal);
        Assert.Contains(File.ReadLines(Path.Combine(folder, "digits.pbt.trials.jsonl")), line => line.Contains("copied member", StringComparison.Ordinal));
        var winner = first.Out.Split('\n').Single(l => l.Contains("rounds; winner member", StringComparison.Ordinal));

        // The second run finds the finished run in the same checkpoints and study and reports the same winner.
        Assert.True(again.ExitCode == 0, again.Error + again.Out);
        Assert.Contains(winner, again.Out, StringComparison.Ordinal);

        Assert.True(compare.ExitCode == 0, compare.Error + compare.Out);
        Assert.Contains("TPE+Hyperband test accuracy", compare.Out, StringComparison.Ordinal);
        Assert.Contains("mean", compare.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_modes_at_once_are_a_usage_error()
    {
        var run = Run("--range-test", "--scaling", "--storage", Study);

        Assert.Equal(NetworkCommand.UsageError, run.ExitCode);
        Assert.Equal("error: --range-test, --scaling, --pbt and --compare-pbt are separate runs: give one.", run.Error.Trim());
    }
}
