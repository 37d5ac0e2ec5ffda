using Dials.Testing;
using TuneMlNet;

namespace Dials.Samples.Tests;

/// <summary>The main job run as its own process with redirected output, as a script or CI job runs it: plain text,
/// results on stdout, errors on stderr.</summary>
public sealed class TuneMlNetProcessTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dials-tune-process-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // The sample's project reference copies TuneMlNet.dll and its runtime files next to the tests.
    private ProcessRun Run(params string[] args) =>
        RedirectedProcess.Run(Path.Combine(AppContext.BaseDirectory, "TuneMlNet.dll"), folder, null, args);

    [Fact]
    public void A_usage_error_goes_to_stderr_as_one_plain_line_with_exit_code_2()
    {
        var run = Run("--trials", "0");

        Assert.Equal(TuneCommand.UsageError, run.ExitCode);
        Assert.Equal("error: --trials must be at least 1, --folds at least 2 and --timeout positive.", run.Error.Trim());
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_missing_data_file_goes_to_stderr_with_exit_code_3()
    {
        var run = Run("--data", Path.Combine(folder, "nope.csv"), "--label", "y", "--task", "regression");

        Assert.Equal(TuneCommand.DataError, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("nope.csv", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("error", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(ProcessRun.Escape, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redirected_run_writes_plain_text_with_its_progress_and_tables()
    {
        var run = Run("--data", Diabetes.Path, "--label", "progression", "--task", "regression",
            "--trials", "2", "--folds", "2", "--sampler", "random", "--storage", Path.Combine(folder, "study.jsonl"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain(ProcessRun.Escape, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(ProcessRun.Escape, run.Error, StringComparison.Ordinal);
        Assert.Contains("2 trials (", run.Out, StringComparison.Ordinal);
        Assert.Contains("Hyperparameter", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }
}
