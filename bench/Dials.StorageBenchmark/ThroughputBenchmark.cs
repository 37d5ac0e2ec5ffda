using System.Diagnostics;

namespace Dials.StorageBenchmark;

/// <summary>Trials per second: each durable storage in one process against in-memory, then one against four worker
/// processes sharing one study, and one against four workers in one process (<c>OptimizeAsync</c>'s parallelism), per
/// storage and objective, in alternating rounds.</summary>
internal static class ThroughputBenchmark
{
    /// <summary>At most this many trials with a slow objective, so one worker with 20 ms finishes in about ten seconds.</summary>
    private const int SlowTrials = 500;

    public static void Run(Backends backends, int trials, int rounds, IReadOnlyList<int> objectivesMs)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"Study files in {backends.Directory}; one disk sync (4 KB write + fsync) there: {DiskSync.Median(backends.Directory):F2} ms (median of 100)."));
        Console.WriteLine($"Worker processes run {WorkerRun.Program}.");
        Console.WriteLine();
        InProcess(backends, "memory", trials); // Warm-up: JIT and first-use costs stay out of the measurements.
        var baseline = InProcess(backends, "memory", trials);
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

        foreach (var ms in objectivesMs)
        {
            Workers(backends, ms == 0 ? trials : Math.Min(trials, SlowTrials), rounds, ms);
            Threads(backends, ms == 0 ? trials : Math.Min(trials, SlowTrials), rounds, ms);
        }
    }

    /// <summary>1 and 4 worker processes, alternating (see <see cref="Alternate"/>).</summary>
    private static void Workers(Backends backends, int trials, int rounds, int objectiveMs)
    {
        Console.WriteLine();
        Console.WriteLine($"{trials} trials of {Objective(objectiveMs)} shared by worker processes, {rounds} rounds of 1 then 4 workers " +
            "(trials/s; whole: process start-up included; steady: once every worker is up; CPU: ms per trial, all workers):");
        Alternate(backends, rounds,
            "| storage | round | 1 worker: whole | 4 workers: whole | 4 vs 1 | 1 worker: steady | 4 workers: steady | 4 vs 1 | CPU: 1 worker | 4 workers |",
            backend =>
            {
                var one = WorkerRun.Time(backends, backend, 1, trials, objectiveMs);
                var four = WorkerRun.Time(backends, backend, 4, trials, objectiveMs);
                return [one.WholeRate, four.WholeRate, four.WholeRate / one.WholeRate,
                    one.SteadyRate, four.SteadyRate, four.SteadyRate / one.SteadyRate, one.CpuMsPerTrial, four.CpuMsPerTrial];
            },
            cells => FormattableString.Invariant(
                $"{cells[0]:F0} | {cells[1]:F0} | {cells[2]:F2}x | {cells[3]:F0} | {cells[4]:F0} | {cells[5]:F2}x | {cells[6]:F2} | {cells[7]:F2}"));
    }

    /// <summary>1 and 4 workers in this process (one study object, <c>OptimizeAsync</c> with that parallelism),
    /// alternating: what an application that runs its trials in parallel itself gets.</summary>
    private static void Threads(Backends backends, int trials, int rounds, int objectiveMs)
    {
        Console.WriteLine();
        Console.WriteLine($"{trials} trials of {Objective(objectiveMs)} in this process, {rounds} rounds of parallelism 1 then 4 (trials/s):");
        Alternate(backends, rounds, "| storage | round | 1 worker | 4 workers | 4 vs 1 |",
            backend =>
            {
                var one = trials / InProcess(backends, backend, trials, 1, objectiveMs);
                var four = trials / InProcess(backends, backend, trials, 4, objectiveMs);
                return [one, four, four / one];
            },
            cells => FormattableString.Invariant($"{cells[0]:F0} | {cells[1]:F0} | {cells[2]:F2}x"));
    }

    /// <summary>For each storage, <paramref name="rounds"/> rounds of <paramref name="measure"/> (which runs 1 then 4
    /// workers, so that a change in the machine's load falls on both): one row per round and the medians, which are the
    /// figures to compare on a busy machine.</summary>
    private static void Alternate(Backends backends, int rounds, string header, Func<string, double[]> measure, Func<double[], string> row)
    {
        Console.WriteLine();
        Console.WriteLine(header);
        Console.WriteLine(string.Concat(Enumerable.Repeat("|---", header.Count(c => c == '|') - 1)) + "|");
        foreach (var backend in backends.Durable)
        {
            var rows = new List<double[]>();
            for (var round = 1; round <= rounds; round++)
            {
                rows.Add(measure(backend));
                Console.WriteLine($"| {backend} | {round} | {row(rows[^1])} |");
            }

            var medians = Enumerable.Range(0, rows[0].Length).Select(column => Stats.Median(rows.Select(r => r[column])));
            Console.WriteLine($"| **{backend}** | **median** | {row([.. medians])} |");
        }
    }

    private static string Objective(int objectiveMs) => objectiveMs == 0 ? "a trivial objective" : $"a {objectiveMs} ms objective";

    /// <summary>Seconds for <paramref name="trials"/> trials of a fresh study run in this process.</summary>
    private static double InProcess(Backends backends, string backend, int trials, int parallelism = 1, int objectiveMs = 0)
    {
        var name = "inproc-" + Guid.NewGuid().ToString("N");
        var study = BenchStudy.Open(backends.Open(backend, name), name);
        var delay = TimeSpan.FromMilliseconds(objectiveMs);
        var clock = Stopwatch.StartNew();
        study.OptimizeAsync(async (p, _, cancellationToken) =>
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            return p.X * p.X;
        }, trials: trials, parallelism: parallelism).GetAwaiter().GetResult();
        return clock.Elapsed.TotalSeconds;
    }
}
