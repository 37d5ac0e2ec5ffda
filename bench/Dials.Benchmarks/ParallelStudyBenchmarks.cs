using BenchmarkDotNet.Attributes;
using Dials.Samplers;

namespace Dials.Benchmarks;

/// <summary>
/// Trials per second of a CPU-bound objective run with one and with two workers in one process: on two cores the
/// second worker should come close to doubling throughput (the study's own bookkeeping must not serialise the work).
/// Compare the two rows' means; the one-worker row is the baseline.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class ParallelStudyBenchmarks
{
    private const int Trials = 40;

    private static readonly SearchSpace<double> Space = new(
        [Dimension.Float("x", 0, 1)], () => 0.5, (x, _) => x, (point, d) => double.IsNaN(point[0]) ? d : point[0]);

    [Params(1, 2)]
    public int Parallelism { get; set; }

    /// <summary>Runs <see cref="Trials"/> trials whose objective burns about 5 ms of CPU each.</summary>
    [Benchmark]
    public double Study()
    {
        var study = Dials.Study.Create(Space, new StudyOptions { Sampler = new RandomSampler(seed: 1) });
        return study.OptimizeAsync(Burn, trials: Trials, parallelism: Parallelism).GetAwaiter().GetResult().Best.Value;
    }

    private static double Burn(double x)
    {
        // Pure arithmetic: no allocation, no locks, so two trials can truly run on two cores at once.
        var sum = 0.0;
        for (var i = 0; i < 2_000_000; i++)
        {
            sum += Math.Sqrt(i * x + 1);
        }

        return sum * 1e-9;
    }
}
