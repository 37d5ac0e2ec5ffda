using System.Diagnostics;

namespace Dials.Packaging.Tests;

/// <summary>Runs the real dotnet CLI, as a user would, and captures what it prints.</summary>
internal static class DotnetCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) =>
        RunProgram("dotnet", workingDirectory, arguments);

    /// <summary>Runs any program (an installed tool, a published binary) the same way.</summary>
    public static (int ExitCode, string Output) RunProgram(string program, string workingDirectory, params string[] arguments)
    {
        var start = StartInfo(program, workingDirectory, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>How to start <paramref name="program"/> as <see cref="RunProgram"/> does, for a caller that talks to it while
    /// it runs (a language server) and sets up its own redirection.</summary>
    public static ProcessStartInfo StartInfo(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the consumer's build independent of the test host's MSBuild environment.
        foreach (var name in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" })
        {
            start.Environment.Remove(name);
        }

        return start;
    }
}
