using System.Diagnostics;

namespace Dials.Cli.Tests;

/// <summary>What a run of the real <c>dials</c> process printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>Runs Dials.Cli.dll (copied next to the tests by the project reference) as its own process, as a user
/// would, with a wide console so tables never wrap, and with output redirected in an environment that claims a colour
/// terminal (TERM, COLORTERM): a console that trusted those variables would put colour codes in every run's output.</summary>
public static class CliProcess
{
    public static CliRun Run(params string[] args) => Run(null, args);

    public static CliRun Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Dials.Cli.dll");
        Assert.True(File.Exists(dll), $"Dials.Cli.dll not found next to the tests at {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COLUMNS"] = "400";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLORTERM"] = "truecolor";
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
