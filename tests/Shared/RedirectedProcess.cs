using System.Diagnostics;

namespace Dials.Testing;

/// <summary>What a process run with redirected output printed and returned.</summary>
internal sealed record ProcessRun(int ExitCode, string Out, string Error)
{
    /// <summary>The start of every ANSI escape sequence (colours, styles, cursor moves).</summary>
    public const string Escape = "\u001b[";
}

/// <summary>Runs a built app (<c>dotnet APP.dll ...</c>) as its own process with stdout and stderr redirected, as a
/// pipe or CI log would, in an environment that claims a colour terminal (TERM, COLORTERM): an app that trusts those
/// variables instead of looking at the redirection writes colour codes, which the tests then see.</summary>
internal static class RedirectedProcess
{
    public static ProcessRun Run(string dll, string? workingDirectory, IReadOnlyDictionary<string, string>? environment,
        params string[] args)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built.", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLORTERM"] = "truecolor";
        start.Environment.Remove("NO_COLOR");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ProcessRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
