using BenchmarkDotNet.Attributes;
using Dials.Samplers;
using Dials.Storage;

namespace Dials.Benchmarks;

/// <summary>
/// The cost of <see cref="Study{T}.Ask"/> plus <see cref="Study{T}.Tell(Trial, double)"/> through a whole in-memory
/// study that already holds 1,000 trials of a 10-dimensional space: what Optuna's <c>study.ask()</c> and
/// <c>study.tell()</c> measure. Each iteration starts from a fresh copy of the 1,000-trial history and runs a few
/// asks and tells, so the study stays at trial 1,000 to 1,000 + <see cref="InvocationsPerIteration"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(StudyJobConfig))]
public class StudyAskTellBenchmarks
{
    /// <summary>Asks and tells measured per refilled study.</summary>
    public const int InvocationsPerIteration = 8;
    private const int History = 1000;
    private Study<double[]> study = null!;

    [Params("random", "tpe")]
    public string Sampler { get; set; } = "tpe";

    [IterationSetup]
    public void Setup()
    {
        // Fill a shared in-memory storage with 1,000 random trials, then open the same study with the sampler
        // under test: only the measured asks use it.
        var storage = new InMemoryStorage();
        var filler = Study.Create(TenDimensionalHistory.Space,
            new StudyOptions { Name = "bench", Storage = storage, Sampler = new RandomSampler(seed: 7) });
        for (var n = 0; n < History; n++)
        {
            var trial = filler.Ask();
            filler.Tell(trial, TenDimensionalHistory.Objective(trial.Config));
        }

        ISampler sampler = Sampler == "tpe" ? new TpeSampler(seed: 1) : new RandomSampler(seed: 1);
        study = Study.Create(TenDimensionalHistory.Space, new StudyOptions { Name = "bench", Storage = storage, Sampler = sampler });
    }

    [Benchmark]
    public void AskTell()
    {
        var trial = study.Ask();
        study.Tell(trial, TenDimensionalHistory.Objective(trial.Config));
    }
}
