using BenchmarkDotNet.Attributes;
using Dials.Samplers;

namespace Dials.Benchmarks;

/// <summary>
/// One GP proposal in 6-D (a shifted sphere) after 100 and after 300 complete trials (a hyperparameter fit warm-started from the previous
/// proposal's, as in a running study, plus the acquisition search), against TPE's proposal on the same history as the
/// baseline measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class GpAskBenchmarks
{
    private static readonly SearchSpace<double[]> Space = new(
        [.. Enumerable.Range(0, 6).Select(i => Dimension.Float($"x{i}", 0, 1))],
        createDefault: () => new double[6],
        read: (config, i) => config[i],
        decode: (point, _) => point.ToArray());
    private List<TrialRecord> trials = null!;
    private GpSampler gp = null!;
    private TpeSampler tpe = null!;
    private int number;

    /// <summary>Complete trials before the proposal.</summary>
    [Params(100, 300)]
    public int History { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        trials = [];
        for (var i = 0; i < History; i++)
        {
            var point = Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray();
            trials.Add(new TrialRecord(i, TrialState.Complete, point, TenDimensionalHistory.Objective(point), [], DateTimeOffset.UnixEpoch, TimeSpan.Zero));
        }

        gp = new GpSampler(seed: 1);
        tpe = new TpeSampler(seed: 1);
        gp.Sample(new SamplingContext(Space, Direction.Minimize, trials, History)); // the previous proposal's fit
    }

    [Benchmark(Baseline = true)]
    public double Tpe() => tpe.Sample(new SamplingContext(Space, Direction.Minimize, trials, History + number++))[0];

    [Benchmark]
    public double Gp() => gp.Sample(new SamplingContext(Space, Direction.Minimize, trials, History + number++))[0];
}
