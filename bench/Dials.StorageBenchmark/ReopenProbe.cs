using System.Diagnostics;
using System.Globalization;
using Dials.Storage;

namespace Dials.StorageBenchmark;

/// <summary>
/// Reopening a study and going on with it: a new storage object on the study's file (or database), the study
/// created on it, and its first ask+tell, which reads every trial. Cold is the first open in a fresh process (this
/// program again, mode <c>reopen</c>), so the JIT, the driver's first connection and the file's first read are in it,
/// as when a crashed run is restarted; warm is a second new storage object in that process right after.
/// </summary>
internal static class ReopenProbe
{
    /// <summary>Runs the probe in a child process; returns its cold and warm seconds.</summary>
    public static (double Cold, double Warm) Measure(string spec, string name, int trials)
    {
        string? answer = null;
        using var process = ChildProcess.Start("Dials.StorageBenchmark", ["reopen", spec, name, $"{trials}"], line => answer = line);
        process.WaitForExit();
        var seconds = answer?.Split(' ') ?? [];
        if (process.ExitCode != 0 || seconds.Length != 2)
        {
            throw new InvalidOperationException($"the reopen probe failed on {spec.Split(':')[0]} (exit {process.ExitCode}): {answer}");
        }

        return (double.Parse(seconds[0], CultureInfo.InvariantCulture), double.Parse(seconds[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The child's side: prints "COLD WARM" in seconds, after checking that the study held
    /// <paramref name="trials"/> trials before each ask.</summary>
    public static void Run(string spec, string name, int trials)
    {
        var cold = Once(spec, name, trials);
        var warm = Once(spec, name, trials + 1);
        Console.WriteLine(FormattableString.Invariant($"{cold:F3} {warm:F3}"));
    }

    private static double Once(string spec, string name, int trials)
    {
        var clock = Stopwatch.StartNew();
        var storage = StudyStorageOpeners.Open(StorageLocation.Parse(spec));
        var study = BenchStudy.Open(storage, name);
        BenchStudy.AskTell(study);
        var seconds = clock.Elapsed.TotalSeconds;
        var found = storage.ReadTrials(name).Count;
        (storage as IDisposable)?.Dispose();
        return found == trials + 1 ? seconds : throw new InvalidOperationException($"reopened {found - 1} trials, not {trials}");
    }
}
