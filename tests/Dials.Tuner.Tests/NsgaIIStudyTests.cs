using Dials.Samplers;
using Dials.Storage;
using Dials.Testing;

namespace Dials.Tuner.Tests;

/// <summary>NSGA-II in studies: accepted by a multi-objective study, its generations recorded with every trial, and the
/// same children whether one worker or two sharing a storage ask for them.</summary>
public sealed class NsgaIIStudyTests
{
    private static readonly Direction[] MinMin = [Direction.Minimize, Direction.Minimize];

    // Error against latency over a space of every dimension kind, with a memory budget as a constraint.
    private static double[] ErrorAndLatency(Mixed m) =>
    [
        Math.Pow(Math.Log10(m.LearningRate) + 3, 2) + m.Dropout + (m.Optimizer == "adam" ? 10 * m.Beta : 1 - m.Momentum) + 2.0 / m.Layers,
        m.Batch / 256.0 + m.Layers / 8.0,
    ];

    private static double Memory(Mixed m) => m.Batch * m.Layers / 512.0 - 1;

    [Fact]
    public async Task A_multi_objective_study_with_constraints_runs_NSGA_II_generation_by_generation()
    {
        var study = Study.Create(TestSpaces.Mixed(), new StudyOptions { Directions = MinMin, Sampler = new NsgaIISampler(seed: 2, populationSize: 10) });
        var result = await study.OptimizeAsync((config, trial, _) =>
        {
            trial.SetConstraint("memory", Memory(config));
            return ValueTask.FromResult<IReadOnlyList<double>>(ErrorAndLatency(config));
        }, trials: 80);

        var trials = study.Storage.ReadTrials(study.Name);
        Assert.All(trials, t => Assert.Equal("nsga2", t.Strategy));
        Assert.All(trials, t => Assert.StartsWith($"generation {t.Number / 10},", t.StrategyReason, StringComparison.Ordinal));
        Assert.NotEmpty(result.ParetoFront);
        Assert.All(result.ParetoFront, p => Assert.True(p.Constraints![0].Value <= 0));
        // Selection pays: the last generation is more often feasible, and its best error lower, than the random first.
        static int Feasible(IEnumerable<TrialResult> g) => g.Count(t => t.IsFeasible);
        Assert.True(Feasible(result.Trials.Skip(70)) >= Feasible(result.Trials.Take(10)));
        Assert.True(result.Trials.Skip(70).Min(t => t.Values![0]) < result.Trials.Take(10).Min(t => t.Values![0]));
    }

    [Fact]
    public void Two_workers_sharing_a_storage_breed_the_children_one_worker_would()
    {
        // Two studies with their own sampler instances over one storage, as two processes over one database: the
        // generations and parents come from the stored trials, so taking turns changes nothing.
        Study<Mixed> Open(IStudyStorage storage) => Study.Create(TestSpaces.Mixed(),
            new StudyOptions { Directions = MinMin, Sampler = new NsgaIISampler(seed: 7, populationSize: 6), Storage = storage, Name = "nsga" });

        var alone = Open(new InMemoryStorage());
        var shared = new InMemoryStorage();
        Study<Mixed>[] workers = [Open(shared), Open(shared)];
        for (var n = 0; n < 30; n++)
        {
            foreach (var study in new[] { alone, workers[n % 2] })
            {
                var trial = study.Ask();
                study.Tell(trial, ErrorAndLatency(trial.Config));
            }
        }

        var expected = alone.Storage.ReadTrials("nsga");
        var actual = shared.ReadTrials("nsga");
        Assert.Equal(30, actual.Count);
        Assert.Equal(expected.Select(t => t.Point.ToArray()), actual.Select(t => t.Point.ToArray()));
        Assert.Equal(expected.Select(t => t.StrategyReason), actual.Select(t => t.StrategyReason));
        Assert.Contains(actual, t => t.StrategyReason!.StartsWith("generation 4, crossover", StringComparison.Ordinal));
    }
}
