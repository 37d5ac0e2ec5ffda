using BenchmarkDotNet.Attributes;
using Dials.MultiObjective;

namespace Dials.Benchmarks;

/// <summary>
/// The cost of the exact hypervolume, each point's contribution and the non-dominated sort on 200 mutually
/// non-dominated points (random points of the simplex, so every point is on the front, the hardest case), for 2, 3 and
/// 4 objectives, against sorting the points by their first objective as the baseline measured in the same run (no
/// sweep can be cheaper than that sort).
/// </summary>
[MemoryDiagnoser]
public class HypervolumeBenchmarks
{
    private double[][] points = null!;
    private double[] reference = null!;
    private Direction[] directions = null!;

    [Params(2, 3, 4)]
    public int Objectives { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        points = [.. Enumerable.Range(0, 200).Select(_ =>
        {
            var raw = Enumerable.Range(0, Objectives).Select(_ => random.NextDouble()).ToArray();
            var sum = raw.Sum();
            return raw.Select(v => v / sum).ToArray();
        })];
        reference = [.. Enumerable.Repeat(1.0, Objectives)];
        directions = [.. Enumerable.Repeat(Direction.Minimize, Objectives)];
    }

    [Benchmark(Baseline = true)]
    public double SortByFirstObjective()
    {
        var copy = points.ToArray();
        Array.Sort(copy, (a, b) => a[0].CompareTo(b[0]));
        return copy[0][0];
    }

    [Benchmark]
    public double Hypervolume() => Dials.MultiObjective.Hypervolume.Compute(points, reference, directions);

    [Benchmark]
    public double Contributions() => Dials.MultiObjective.Hypervolume.Contributions(points, reference, directions)[0];

    [Benchmark]
    public int Ranks() => NondominatedSort.Ranks(points, directions)[0];
}
