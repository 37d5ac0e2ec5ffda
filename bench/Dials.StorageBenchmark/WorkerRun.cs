using System.Diagnostics;
using System.Globalization;

namespace Dials.StorageBenchmark;

/// <summary>
/// One run of worker processes (tools/Dials.StudyWorker) sharing a budget of trials of one study. Whole: trials per
/// second from the first start to the last exit. Steady: trials started once every worker had its study open, per
/// second from then to the last worker's end, so that process start-up and JIT, which four processes pay four times
/// on a shared machine, stay out of the comparison of the storage's lock hand-over. CPU: the workers' CPU time added
/// up, per trial: with a trivial objective on a 2-core machine, four workers beat one only if it stays under twice
/// one worker's (each worker also reads what the others wrote).
/// </summary>
internal readonly record struct WorkerRun(double WholeRate, double SteadyRate, double CpuMsPerTrial)
{
    /// <summary>The worker program: <c>DIALS_STUDY_WORKER</c> when set (a published worker: its <c>.dll</c>, run with
    /// <c>dotnet</c>, or its native executable), else the Dials.StudyWorker.dll built beside this benchmark.</summary>
    public static string Program { get; } = Environment.GetEnvironmentVariable("DIALS_STUDY_WORKER") is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(AppContext.BaseDirectory, "Dials.StudyWorker.dll");

    public static WorkerRun Time(Backends backends, string backend, int workers, int trials, int objectiveMs)
    {
        var name = $"workers{workers}-" + Guid.NewGuid().ToString("N");
        var spec = backends.Spec(backend, name);
        var gate = new Lock();
        var up = 0;
        var steadyTrials = 0;
        TimeSpan? allUp = null;
        var lastDone = TimeSpan.Zero;
        var cpuMs = 0.0;
        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, workers).Select(seed =>
            ChildProcess.StartPath(Program, [spec, name, $"{trials}", $"{seed}", $"{objectiveMs}"], line =>
            {
                lock (gate)
                {
                    if (line == "started" && ++up == workers)
                    {
                        allUp = clock.Elapsed;
                    }
                    else if (allUp is not null && line.StartsWith("trial ", StringComparison.Ordinal))
                    {
                        steadyTrials++;
                    }
                    else if (line.StartsWith("done", StringComparison.Ordinal))
                    {
                        lastDone = clock.Elapsed;
                    }
                    else if (line.StartsWith("cpu ", StringComparison.Ordinal))
                    {
                        cpuMs += double.Parse(line[4..], CultureInfo.InvariantCulture);
                    }
                }
            })).ToList();
        processes.ForEach(p => p.WaitForExit());
        var whole = clock.Elapsed.TotalSeconds;
        if (processes.Any(p => p.ExitCode != 0))
        {
            throw new InvalidOperationException($"a worker on {backend} failed");
        }

        processes.ForEach(p => p.Dispose());
        lock (gate)
        {
            return new(trials / whole, steadyTrials / (lastDone - allUp!.Value).TotalSeconds, cpuMs / trials);
        }
    }
}
