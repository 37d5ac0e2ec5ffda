using System.Diagnostics;
using Dials.Samplers;

namespace Dials.StorageBenchmark;

/// <summary>Trials per second: each storage in one process against in-memory, then one against four worker processes
/// (tests/Dials.StudyWorker) sharing one study file, with a trivial and with a 20 ms objective.</summary>
internal static class ThroughputBenchmark
{
    /// <summary>The slow objective's sleep: long enough that four workers can overlap their objectives.</summary>
    private const int SlowObjectiveMs = 20;

    /// <summary>At most this many trials with the slow objective, so one worker finishes in about ten seconds.</summary>
    private const int SlowTrials = 500;

    public static void Run(Backends backends, int trials)
    {
        InProcess(backends, null, trials); // Warm-up: JIT and first-use costs stay out of the measurements.
        var baseline = InProcess(backends, null, trials);
        Console.WriteLine($"{trials} trials of a trivial objective, one process (in-memory baseline {baseline:F3} s):");
        Console.WriteLine();
        Console.WriteLine("| storage | seconds | trials/s | cost vs in-memory |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| in-memory | {baseline:F3} | {trials / baseline:F0} | 1.0x |");
        foreach (var backend in backends.Durable)
        {
            InProcess(backends, backend, trials);
            var seconds = InProcess(backends, backend, trials);
            Console.WriteLine($"| {backend} | {seconds:F3} | {trials / seconds:F0} | {seconds / baseline:F1}x |");
        }

        var slowTrials = Math.Min(trials, SlowTrials);
        Console.WriteLine();
        Console.WriteLine($"Trials shared by worker processes (process start-up included): {trials} trials of a trivial " +
            $"objective, {slowTrials} of a {SlowObjectiveMs} ms one:");
        Console.WriteLine();
        Console.WriteLine("| storage | objective | 1 worker: trials/s | 4 workers: trials/s | 4 vs 1 |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var backend in backends.Durable)
        {
            foreach (var (ms, count) in new[] { (0, trials), (SlowObjectiveMs, slowTrials) })
            {
                var one = Workers(backends, backend, 1, count, ms);
                var four = Workers(backends, backend, 4, count, ms);
                var objective = ms == 0 ? "trivial" : $"{ms} ms";
                Console.WriteLine($"| {backend} | {objective} | {count / one:F0} | {count / four:F0} | {one / four:F2}x |");
            }
        }
    }

    private static double InProcess(Backends backends, string? backend, int trials)
    {
        var name = "inproc-" + Guid.NewGuid().ToString("N");
        var study = Study.Create<Point>(new StudyOptions
        {
            Name = name,
            Sampler = new RandomSampler(1),
            Storage = backends.Open(backend ?? "memory", name),
        });
        var clock = Stopwatch.StartNew();
        study.OptimizeAsync(p => p.X * p.X, trials: trials).GetAwaiter().GetResult();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Seconds for <paramref name="count"/> worker processes to finish a budget of <paramref name="trials"/>
    /// trials of one study, each objective sleeping <paramref name="objectiveMs"/>.</summary>
    private static double Workers(Backends backends, string backend, int count, int trials, int objectiveMs)
    {
        var name = $"workers{count}-" + Guid.NewGuid().ToString("N");
        var spec = backends.Spec(backend, name);
        var worker = Path.Combine(AppContext.BaseDirectory, "Dials.StudyWorker.dll");
        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, count).Select(seed =>
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
            foreach (var argument in new[] { worker, spec, name, $"{trials}", $"{seed}", $"{objectiveMs}" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            return process;
        }).ToList();
        processes.ForEach(p => p.WaitForExit());
        return clock.Elapsed.TotalSeconds;
    }
}
