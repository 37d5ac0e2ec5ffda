using System.Diagnostics;

namespace Dials.StorageBenchmark;

/// <summary>Starts a .NET program of this folder as a separate process and hands each line it prints to a callback:
/// worker processes, and the reopen probe, whose first open must be the first in its process.</summary>
internal static class ChildProcess
{
    public static Process Start(string program, IEnumerable<string> arguments, Action<string> onLine)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program + ".dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } data)
            {
                onLine(data);
            }
        };
        process.BeginOutputReadLine();
        return process;
    }
}
