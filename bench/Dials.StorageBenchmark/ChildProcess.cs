using System.Diagnostics;

namespace Dials.StorageBenchmark;

/// <summary>Starts a .NET program of this folder as a separate process and hands each line it prints to a callback:
/// worker processes, and the reopen probe, whose first open must be the first in its process.</summary>
internal static class ChildProcess
{
    public static Process Start(string program, IEnumerable<string> arguments, Action<string> onLine) =>
        StartPath(Path.Combine(AppContext.BaseDirectory, program + ".dll"), arguments, onLine);

    /// <summary>Starts <paramref name="path"/>: an assembly (<c>.dll</c>) under <c>dotnet</c>, or else an executable
    /// as it is (a worker published as a native executable).</summary>
    public static Process StartPath(string path, IEnumerable<string> arguments, Action<string> onLine)
    {
        var isAssembly = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isAssembly ? "dotnet" : path) { RedirectStandardOutput = true };
        if (isAssembly)
        {
            start.ArgumentList.Add(path);
        }

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
