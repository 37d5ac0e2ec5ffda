using System.Diagnostics;

namespace Dials.StorageBenchmark;

/// <summary>Ask+tell latency at one study size: wall-clock median and 95th percentile, and this process's CPU time
/// per pair (a storage waiting on the disk or on a server spends wall-clock time but little CPU here).</summary>
internal readonly record struct AskTellTimes(int Count, double MedianMs, double P95Ms, double CpuMs)
{
    /// <summary>Pairs before the measured ones: the JIT's optimised code and the pools' connections, as a long
    /// study runs with.</summary>
    private const int WarmUp = 50;

    private const int MostSamples = 300;
    private const int FewestSamples = 30;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>Times up to 300 pairs (fewer once 10 s are spent, never fewer than 30) after the warm-up.</summary>
    public static AskTellTimes Measure(Study<Point> study)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            BenchStudy.AskTell(study);
        }

        var times = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var budget = Stopwatch.StartNew();
        while (times.Count < MostSamples && (times.Count < FewestSamples || budget.Elapsed < Budget))
        {
            var clock = Stopwatch.StartNew();
            BenchStudy.AskTell(study);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;
        return new(times.Count, Stats.Median(times), Stats.Quantile(times, 0.95), cpuMs);
    }
}
