using Dials.Testing;
namespace Dials.Cli.Tests;

/// <summary>The tool names itself <c>dials</c>, and its output is plain text wherever it is redirected: no colour or
/// cursor codes on stdout or stderr, errors on stderr with their exit code.</summary>
[Collection(StoredStudiesCollection.Name)]
public sealed class PlainOutputTests(StoredStudies stored)
{
    private const string Escape = "\u001b[";

    private static void AssertPlain(ProcessRun run)
    {
        Assert.DoesNotContain(Escape, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_names_the_tool_dials()
    {
        var run = CliProcess.Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:" + Environment.NewLine + "  dials [command] [options]", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Dials.Cli", run.Out, StringComparison.Ordinal);
        AssertPlain(run);
    }

    [Fact]
    public void A_command_help_names_the_tool_dials_too()
    {
        var run = CliProcess.Run("simulate", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dials simulate [options]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Shell_completion_gets_the_commands_through_the_suggest_directive()
    {
        // dotnet-suggest calls the tool this way while a user presses Tab after "dials stu" (the cursor at 9).
        var run = CliProcess.Run("[suggest:9]", "dials stu");

        Assert.Equal(0, run.ExitCode);
        var suggestions = run.Out.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["studies"], suggestions);
        AssertPlain(run);
    }

    [Fact]
    public void Simulate_writes_a_plain_table_to_stdout_and_its_notes_to_stderr()
    {
        var output = Path.Combine(stored.Directory.FullName, "simulate-plain");

        var run = CliProcess.Run("simulate", "--function", "branin", "--samplers", "random", "--trials", "5", "--seeds", "1",
            "--parallelism", "1", "--out", output);

        Assert.Equal(0, run.ExitCode);
        AssertPlain(run);
        Assert.Contains("random", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("wrote ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_simulate_mistake_goes_to_stderr_with_the_usage_exit_code()
    {
        var run = CliProcess.Run("simulate", "--samplers", "annealing", "--trials", "5", "--seeds", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("error: Unknown sampler 'annealing'", run.Error, StringComparison.Ordinal);
        AssertPlain(run);
    }

    [Fact]
    public void Tables_are_plain_when_redirected_with_or_without_NO_COLOR()
    {
        AssertPlain(CliProcess.Run("studies", "--storage", stored.JournalSpec));
        AssertPlain(CliProcess.Run(new Dictionary<string, string> { ["NO_COLOR"] = "1" }, "trials", "--storage", stored.JournalSpec, "--study", "ranker"));
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error_on_stderr()
    {
        var run = CliProcess.Run("bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("Run 'dials --help'", run.Error, StringComparison.Ordinal);
    }
}
