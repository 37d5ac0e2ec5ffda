using System.Diagnostics;
using Dials.Samplers;
using Dials.Storage;

namespace Dials.StorageBenchmark;

/// <summary>
/// How the cost of one trial grows with the study: ask+tell latency of the study around trial 1,000, 10,000 and
/// 100,000, the storage's own ReadTrials at each size, and the time to reopen the largest study from its file.
/// </summary>
/// <remarks>
/// The random sampler keeps the sampler's own cost apart (it never reads the history). The history between
/// checkpoints is written through the storage API directly (create, point, finish), which reads nothing, so filling a
/// slow storage does not take hours; only the measured trials go through the study.
/// </remarks>
internal static class ScaleBenchmark
{
    private static readonly int[] Checkpoints = [1_000, 10_000, 100_000];

    /// <summary>Each checkpoint measures this many ask+tell pairs, or fewer once this much time is spent.</summary>
    private const int Samples = 50;

    private static readonly TimeSpan SampleBudget = TimeSpan.FromSeconds(5);

    public static void Run(Backends backends, int largest)
    {
        int[] sizes = [.. Checkpoints.Where(c => c < largest), largest];
        Console.WriteLine($"Ask+tell latency (median ms) with the random sampler around trial {string.Join(" / ", sizes)}; " +
            "ReadTrials: the storage's read alone; reopen: a new storage object on the file, Study.Create and the first ask+tell.");
        Console.WriteLine();
        Console.WriteLine("| storage | " + string.Join(" | ", sizes.Select(s => $"ask+tell @{s:N0}")) +
            $" | {sizes[^1]:N0} vs {sizes[0]:N0} | ReadTrials @{sizes[^1]:N0} | reopen @{sizes[^1]:N0} | fill trials/s |");
        Console.WriteLine("|---|" + string.Concat(sizes.Select(_ => "---|")) + "---|---|---|---|");
        foreach (var backend in new[] { "memory" }.Concat(backends.Durable))
        {
            var name = "scale-" + Guid.NewGuid().ToString("N");
            var storage = backends.Open(backend, name);
            var study = Open(storage, name);
            var latencies = new List<double>();
            double read = 0;
            var filled = 0;
            var fillClock = new Stopwatch();
            foreach (var size in sizes)
            {
                fillClock.Start();
                filled += Fill(storage, name, size);
                fillClock.Stop();
                latencies.Add(AskTell(study));
                // Each read follows a change, as before an ask: a storage may not answer from what it read last time.
                read = Median(Enumerable.Range(0, 5).Select(_ =>
                {
                    AddTrial(storage, name, 0.5);
                    return Time(() => storage.ReadTrials(name));
                }));
            }

            var reopen = backend == "memory" ? "—" : $"{Reopen(backends, backend, name):F2} s";
            Console.WriteLine($"| {Label(backend)} | " + string.Join(" | ", latencies.Select(l => $"{l:F3} ms")) +
                $" | {latencies[^1] / latencies[0]:F1}x | {read:F3} ms | {reopen} | {filled / fillClock.Elapsed.TotalSeconds:F0} |");
        }
    }

    private static string Label(string backend) => backend == "memory" ? "in-memory" : backend;

    private static Study<Point> Open(IStudyStorage storage, string name) =>
        Study.Create<Point>(new StudyOptions { Name = name, Sampler = new RandomSampler(1), Storage = storage });

    /// <summary>Adds finished trials through the storage API until the study holds <paramref name="size"/>.</summary>
    /// <returns>How many it added.</returns>
    private static int Fill(IStudyStorage storage, string name, int size)
    {
        var random = new Random(size);
        var added = 0;
        for (var count = storage.ReadTrials(name).Count; count < size; count++, added++)
        {
            AddTrial(storage, name, random.NextDouble());
        }

        return added;
    }

    /// <summary>One finished trial at <paramref name="x"/>, written as a worker would, without reading anything.</summary>
    private static void AddTrial(IStudyStorage storage, string name, double x)
    {
        var created = storage.CreateTrial(name, DateTimeOffset.UtcNow, null, queuedOnly: false)!;
        storage.SetTrialPoint(name, created.Number, [x], "random", null);
        storage.FinishTrial(name, created.Number, TrialState.Complete, x * x, TimeSpan.FromMilliseconds(1), null);
    }

    /// <summary>The median milliseconds of one Ask and its Tell, after a warm-up pair.</summary>
    private static double AskTell(Study<Point> study)
    {
        void Once()
        {
            var trial = study.Ask();
            study.Tell(trial, trial.Config.X * trial.Config.X);
        }

        Once();
        var times = new List<double>();
        var budget = Stopwatch.StartNew();
        while (times.Count < Samples && (times.Count < 5 || budget.Elapsed < SampleBudget))
        {
            times.Add(Time(Once));
        }

        return Median(times);
    }

    /// <summary>Seconds from opening a new storage object on the study's file to the end of its first ask+tell.</summary>
    private static double Reopen(Backends backends, string backend, string name)
    {
        var clock = Stopwatch.StartNew();
        var study = Open(backends.Open(backend, name), name);
        var trial = study.Ask();
        study.Tell(trial, trial.Config.X);
        return clock.Elapsed.TotalSeconds;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
