using BenchmarkDotNet.Attributes;
using Dials.Samplers;

namespace Dials.Benchmarks;

/// <summary>
/// The cost of one ask plus tell at trial 1,000 of a 10-dimensional space, at the sampler seam: propose a point from
/// the 1,000 trials so far, record the result, then forget it so every invocation sees exactly trial 1,000. Random
/// sampling is the baseline measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class SamplerAskTellBenchmarks
{
    private const int History = 1000;
    private List<TrialRecord> trials = null!;
    private ISampler tpe = null!, tpeUnivariate = null!, random = null!;

    [GlobalSetup]
    public void Setup()
    {
        trials = TenDimensionalHistory.Trials(History);
        tpe = new TpeSampler(seed: 1);
        tpeUnivariate = new TpeSampler(seed: 1, multivariate: false);
        random = new RandomSampler(seed: 1);
    }

    [Benchmark(Baseline = true)]
    public double Random() => AskTell(random);

    [Benchmark]
    public double Tpe() => AskTell(tpe);

    [Benchmark]
    public double TpeUnivariate() => AskTell(tpeUnivariate);

    private double AskTell(ISampler sampler)
    {
        var point = sampler.Sample(new SamplingContext(TenDimensionalHistory.Space, Direction.Minimize, trials, History));
        trials.Add(TenDimensionalHistory.Record(History, point));
        var value = trials[^1].Value!.Value;
        trials.RemoveAt(History);
        return value;
    }
}
