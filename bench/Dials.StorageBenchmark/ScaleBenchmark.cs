using System.Diagnostics;

namespace Dials.StorageBenchmark;

/// <summary>
/// How the cost of one trial grows with the study, per storage: ask+tell latency (median, 95th percentile, CPU per
/// pair) around trial 1,000, 10,000 and 100,000, as ratios against the 1,000-trial figures of the same run, and the
/// time to reopen the study at each size (<see cref="ReopenProbe"/>).
/// </summary>
/// <remarks>
/// Each size is its own study, filled in bulk (<see cref="StudyFill"/>), then reopened, then run on through the public
/// Study API, so every measured trial is a real ask and tell at that size.
/// </remarks>
internal static class ScaleBenchmark
{
    private static readonly int[] Checkpoints = [1_000, 10_000, 100_000];

    public static void Run(Backends backends, int largest)
    {
        int[] sizes = [.. Checkpoints.Where(c => c < largest), largest];
        Console.WriteLine(FormattableString.Invariant(
            $"Study files in {backends.Directory}; one disk sync (4 KB write + fsync) there: {DiskSync.Median(backends.Directory):F2} ms (median of 100)."));
        Console.WriteLine("Random sampler. ask+tell: a Study's Ask and Tell after a bulk fill to that many trials (ms; CPU: this " +
            "process's CPU time per pair); heartbeats: the same with heartbeats on (the stale sweep before every ask); " +
            "reopen: a new storage, Study.Create and the first ask+tell (s; cold: first in a fresh process).");
        Console.WriteLine();
        Console.WriteLine("| storage | trials | ask+tell median | p95 | CPU | median vs 1,000 | CPU vs 1,000 | heartbeats: median | reopen cold | reopen warm | fill |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var backend in new[] { "memory" }.Concat(backends.Durable))
        {
            AskTellTimes? first = null;
            foreach (var size in sizes)
            {
                var name = $"scale{size}-" + Guid.NewGuid().ToString("N");
                var fill = Stopwatch.StartNew();
                StudyFill.Fill(backends, backend, name, size);
                var fillSeconds = fill.Elapsed.TotalSeconds;
                var reopen = backend == "memory" ? "— | —" : Reopen(backends, backend, name, size);
                var storage = backends.Open(backend, name);
                var times = AskTellTimes.Measure(BenchStudy.Open(storage, name));
                var heartbeats = AskTellTimes.Measure(BenchStudy.Open(storage, name, heartbeats: true));
                (storage as IDisposable)?.Dispose();
                first ??= times;
                var label = backend == "memory" ? "in-memory" : backend;
                Console.WriteLine(FormattableString.Invariant(
                    $"| {label} | {size:N0} | {times.MedianMs:F3} ms | {times.P95Ms:F3} ms | {times.CpuMs:F3} ms | {times.MedianMs / first.Value.MedianMs:F1}x | {times.CpuMs / first.Value.CpuMs:F1}x | {heartbeats.MedianMs:F3} ms | {reopen} | {fillSeconds:F1} s |"));
            }
        }
    }

    private static string Reopen(Backends backends, string backend, string name, int size)
    {
        var (cold, warm) = ReopenProbe.Measure(backends.Spec(backend, name), name, size);
        return FormattableString.Invariant($"{cold:F2} s | {warm:F2} s");
    }
}
