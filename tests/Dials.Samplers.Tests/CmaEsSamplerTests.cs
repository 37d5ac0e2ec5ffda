using Dials.Simulation;
using static Dials.Samplers.Tests.SamplerHarness;

namespace Dials.Samplers.Tests;

public sealed class CmaEsSamplerTests
{
    private static readonly SearchSpace<double[]> Box = TestFunction.PointSpace(
        [.. Enumerable.Range(0, 4).Select(i => Dimension.Float($"x{i}", -5, 5))]);

    private static double Quadratic(double[] x) => x.Select((v, i) => (i + 1) * (v - 1) * (v - 1)).Sum();

    [Fact]
    public void Converges_on_a_quadratic()
    {
        var trials = Run(Box, new CmaEsSampler(seed: 1), Quadratic, 400);

        Assert.True(Best(trials) < 1e-3, $"best {Best(trials)}");
    }

    [Fact]
    public void Restarts_with_a_larger_population_still_converge()
    {
        var trials = Run(Box, new CmaEsSampler(seed: 2, restarts: true), Quadratic, 400);

        Assert.True(Best(trials) < 1e-3, $"best {Best(trials)}");
    }

    [Fact]
    public void After_converging_a_restarting_run_searches_widely_again_and_a_plain_one_does_not()
    {
        double WorstLate(bool restarts) =>
            Run(Box, new CmaEsSampler(seed: 2, restarts: restarts), Quadratic, 800).Skip(700).Max(t => t.Value!.Value);

        // The plain run keeps shrinking onto the optimum; the restarting one has begun again from the centre with
        // the initial step size (and a doubled population) once its distribution collapsed.
        Assert.True(WorstLate(restarts: false) < 1e-3);
        Assert.True(WorstLate(restarts: true) > 1);
    }

    [Theory]
    [InlineData("hartmann6", 0.3)]
    [InlineData("rosenbrock4", 50)]
    public void Closes_in_on_standard_test_functions(string name, double tolerance)
    {
        var function = TestFunctions.Get(name);
        var regret = Median(Enumerable.Range(0, 5).Select(seed => SimulationRunner.RegretCurve(function, new CmaEsSampler(seed: seed), 200)[^1]));

        Assert.True(regret < tolerance, $"median regret after 200 trials {regret}");
    }

    [Fact]
    public void Trials_record_CMA_ES_with_their_generation_and_restarts()
    {
        // 4 dimensions: a population of 4 + floor(3 ln 4) = 8.
        var trials = Run(Box, new CmaEsSampler(seed: 1), Quadratic, 17);

        Assert.All(trials, t => Assert.Equal("CMA-ES", t.Strategy));
        Assert.Equal("first generation of 8, drawn around the start point", trials[0].StrategyReason);
        Assert.Equal("first generation of 8, drawn around the start point", trials[7].StrategyReason);
        Assert.Equal("generation 2 of 8", trials[8].StrategyReason);
        Assert.Equal("generation 3 of 8", trials[16].StrategyReason);

        var restarted = Run(Box, new CmaEsSampler(seed: 2, restarts: true), Quadratic, 800);
        Assert.Contains(restarted, t => t.StrategyReason!.EndsWith(", after 1 restart", StringComparison.Ordinal));
    }

    [Fact]
    public void Mixed_spaces_say_which_dimensions_CMA_ES_did_not_model_and_a_space_it_cannot_model_is_random()
    {
        var mixed = Run(EveryKind, new CmaEsSampler(seed: 3), EveryKindObjective, 2);
        Assert.EndsWith("; categorical and conditional dimensions drawn independently", mixed[0].StrategyReason);

        var categorical = TestFunction.PointSpace([Dimension.Categorical("kind", ["a", "b", "c"])]);
        var trial = Assert.Single(Run(categorical, new CmaEsSampler(seed: 3), x => x[0], 1));
        Assert.Equal(("random", "CMA-ES models numeric, unconditional dimensions only, and this space has none"),
            (trial.Strategy, trial.StrategyReason));
    }

    [Fact]
    public void Mixed_spaces_get_valid_points_with_categorical_and_conditional_dimensions_drawn_independently()
    {
        var trials = Run(EveryKind, new CmaEsSampler(seed: 3), EveryKindObjective, 60);

        AssertValid(EveryKind, trials.Select(t => t.Point));
    }

    [Fact]
    public void A_given_independent_sampler_draws_the_dimensions_CMA_ES_does_not_model()
    {
        var independent = new CountingSampler(new RandomSampler(seed: 4));
        Run(EveryKind, new CmaEsSampler(seed: 4, independentSampler: independent), EveryKindObjective, 12);

        Assert.Equal(12, independent.Calls);
    }

    [Fact]
    public void The_same_seed_replays_the_same_study()
    {
        var first = Run(Box, new CmaEsSampler(seed: 5), Quadratic, 40);
        var again = Run(Box, new CmaEsSampler(seed: 5), Quadratic, 40);

        Assert.Equal(first.Select(t => t.Point.ToArray()), again.Select(t => t.Point.ToArray()));
    }

    [Fact]
    public async Task Parallel_workers_share_the_study_without_crashing_and_still_converge()
    {
        var study = Study.Create(Box, new StudyOptions { Sampler = new CmaEsSampler(seed: 6) });

        var result = await study.OptimizeAsync(Quadratic, trials: 300, parallelism: 4);

        Assert.Equal(300, result.Trials.Count);
        Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.True(result.Best!.Value < 0.05, $"best {result.Best.Value}");
    }

    [Fact]
    public void Running_failed_and_pruned_trials_are_skipped_when_replaying_generations()
    {
        var sampler = new CmaEsSampler(seed: 7);
        var trials = new List<TrialRecord>();
        for (var n = 0; n < 60; n++)
        {
            var point = sampler.Sample(new SamplingContext(Box, Direction.Minimize, trials, n));
            trials.Add((n % 4) switch
            {
                0 => Running(n, point),
                1 => new TrialRecord(n, TrialState.Failed, point, null, [], DateTimeOffset.UnixEpoch, TimeSpan.Zero, "boom"),
                _ => Complete(n, point, Quadratic(point)),
            });
        }

        AssertValid(Box, trials.Select(t => t.Point));
    }

    [Fact]
    public void The_default_population_follows_4_plus_3_ln_n()
    {
        Assert.Equal([4, 6, 8, 9, 10], new[] { 1, 2, 4, 6, 10 }.Select(CmaEsSampler.DefaultPopulationSize));
    }

    [Fact]
    public void Bad_settings_are_refused_naming_the_parameter()
    {
        Assert.Equal("sigma0", Assert.Throws<ArgumentOutOfRangeException>(() => new CmaEsSampler(sigma0: 0)).ParamName);
        Assert.Equal("populationSize", Assert.Throws<ArgumentOutOfRangeException>(() => new CmaEsSampler(populationSize: 1)).ParamName);
    }

    private sealed class CountingSampler(ISampler inner) : ISampler
    {
        public int Calls { get; private set; }

        public double[] Sample(SamplingContext context)
        {
            Calls++;
            return inner.Sample(context);
        }
    }
}
