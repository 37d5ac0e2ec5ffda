using Dials.Testing;

namespace Dials.Samples.Tests;

/// <summary>samples/TunedService run as its own process, with redirected output, as a deployment starts it: a bad
/// configuration is one line on stderr naming the key, and exit code 2, with no stack trace.</summary>
public sealed class TunedServiceProcessTests : IDisposable
{
    // An empty working directory is the content root: no appsettings.json, no tuned layer, only the command line.
    private readonly string folder = Directory.CreateTempSubdirectory("dials-service-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private ProcessRun Run(params string[] args) =>
        RedirectedProcess.Run(Path.Combine(AppContext.BaseDirectory, "TunedService.dll"), folder, null, args);

    [Fact]
    public void A_value_out_of_range_is_one_line_naming_the_key_on_stderr_and_exit_code_2()
    {
        var run = Run("--Ranking:DecayRate=5");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: invalid configuration: Ranking:DecayRate = 5 is outside [0.0001, 1].", run.Error.TrimEnd());
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Bad_values_in_two_sections_are_named_together_without_a_stack_trace()
    {
        var run = Run("--Ranking:Blend=avg", "--Tuning:Trials=-1");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Ranking:Blend", line, StringComparison.Ordinal);
        Assert.Contains("Tuning:Trials", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ProcessRun.Escape, run.Out + run.Error, StringComparison.Ordinal);
    }
}
