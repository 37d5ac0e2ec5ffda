using Dials.Simulation;
using static Dials.Samplers.Tests.SamplerHarness;

namespace Dials.Samplers.Tests;

public sealed class TpeSamplerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_proposal_is_in_bounds_on_its_grid_and_NaN_exactly_where_inactive(bool multivariate)
    {
        var trials = Run(EveryKind, new TpeSampler(seed: 3, multivariate: multivariate), EveryKindObjective, 80);

        Assert.Equal(80, trials.Count);
        AssertValid(EveryKind, trials.Select(t => t.Point));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void Conditional_dimensions_are_proposed_in_every_branch()
    {
        var trials = Run(EveryKind, new TpeSampler(seed: 5), EveryKindObjective, 60);

        // Both the nested dimension (kind = b and mode = y) and the other branch's dimension get values at times.
        Assert.Contains(trials, t => !double.IsNaN(t.Point[10]));
        Assert.Contains(trials, t => !double.IsNaN(t.Point[11]));
        Assert.Contains(trials, t => double.IsNaN(t.Point[8]));
    }

    [Fact]
    public void The_same_seed_replays_the_same_study_and_another_seed_does_not()
    {
        var first = Run(EveryKind, new TpeSampler(seed: 11), EveryKindObjective, 40);
        var again = Run(EveryKind, new TpeSampler(seed: 11), EveryKindObjective, 40);
        var other = Run(EveryKind, new TpeSampler(seed: 12), EveryKindObjective, 40);

        Assert.Equal(first.Select(t => t.Point.ToArray()), again.Select(t => t.Point.ToArray()));
        Assert.NotEqual(first.Select(t => t.Point.ToArray()), other.Select(t => t.Point.ToArray()));
    }

    [Fact]
    public void The_start_up_phase_draws_at_random_before_the_model_is_used()
    {
        var tpe = Run(EveryKind, new TpeSampler(seed: 21, startupTrials: 10), EveryKindObjective, 10);
        var random = Run(EveryKind, new RandomSampler(seed: 21), EveryKindObjective, 10);

        // Both draw from the same per-trial streams while no model exists.
        Assert.Equal(random.Select(t => t.Point.ToArray()), tpe.Select(t => t.Point.ToArray()));
    }

    [Fact]
    public void Log_scaled_dimensions_are_searched_in_log_space()
    {
        var space = TestFunction.PointSpace([Dimension.Float("learning_rate", 1e-6, 1, log: true)]);
        var trials = Run(space, new TpeSampler(seed: 1), x => Math.Abs(Math.Log10(x[0]) + 4), 60);

        Assert.True(Best(trials) < 0.05, $"best |log10(lr) + 4| was {Best(trials)}");
        // Uniform in log space: a linear search would almost never propose values below 1e-3.
        Assert.True(trials.Count(t => t.Point[0] < 1e-3) > 30);
    }

    [Fact]
    public void Integer_and_power_of_two_dimensions_find_their_optimum_exactly()
    {
        var space = TestFunction.PointSpace([Dimension.Int("layers", 1, 40), Dimension.PowerOfTwo("batch", 1, 4096)]);
        var trials = Run(space, new TpeSampler(seed: 2), x => Math.Abs(x[0] - 17) + Math.Abs(Math.Log2(x[1]) - 7), 80);

        Assert.Equal(0, Best(trials));
        AssertValid(space, trials.Select(t => t.Point));
    }

    [Fact]
    public void A_clearly_better_choice_comes_to_dominate_the_proposals()
    {
        var space = TestFunction.PointSpace([Dimension.Categorical("optimizer", ["sgd", "adam", "rmsprop", "adagrad"]), Dimension.Float("x", 0, 1)]);
        var trials = Run(space, new TpeSampler(seed: 4), x => (x[0] == 2 ? 0 : 1) + x[1] * 0.1, 60);

        // Chance alone would choose it about 7 times in 30.
        var late = trials.Skip(30).ToArray();
        Assert.True(late.Count(t => t.Point[0] == 2) >= 15, $"rmsprop chosen {late.Count(t => t.Point[0] == 2)} of 30 times");
    }

    [Fact]
    public void Maximizing_climbs_to_the_top()
    {
        var branin = TestFunctions.Branin();
        var trials = Run(branin.Space, new TpeSampler(seed: 6), x => -branin.Evaluate(x), 100, Direction.Maximize);

        Assert.True(-Best(trials, Direction.Maximize) - branin.Optimum < 0.1);
    }

    [Theory]
    [InlineData("branin")]
    [InlineData("hartmann6")]
    public void Tpe_beats_random_search_by_a_wide_margin(string name)
    {
        var function = TestFunctions.Get(name);
        double MedianRegret(Func<int, ISampler> create) =>
            Median(Enumerable.Range(0, 8).Select(seed => SimulationRunner.RegretCurve(function, create(seed), 80)[^1]));

        var tpe = MedianRegret(seed => new TpeSampler(seed: seed));
        var random = MedianRegret(seed => new RandomSampler(seed: seed));

        Assert.True(tpe < random / 2, $"median regret after 80 trials: TPE {tpe}, random {random}");
    }

    [Fact]
    public void Failed_and_pruned_trials_do_not_break_proposals()
    {
        var space = TestFunctions.Branin().Space;
        var sampler = new TpeSampler(seed: 8);
        var trials = new List<TrialRecord>();
        for (var n = 0; n < 40; n++)
        {
            var point = sampler.Sample(new SamplingContext(space, Direction.Minimize, trials, n));
            trials.Add((n % 3) switch
            {
                0 => new TrialRecord(n, TrialState.Failed, point, null, [], DateTimeOffset.UnixEpoch, TimeSpan.Zero, "boom"),
                1 => new TrialRecord(n, TrialState.Pruned, point, null, [new IntermediateValue(1, point[0])], DateTimeOffset.UnixEpoch, TimeSpan.Zero),
                _ => Complete(n, point, point[0] + point[1]),
            });
        }

        AssertValid(space, trials.Select(t => t.Point));
    }

    [Fact]
    public void The_constant_liar_spreads_a_parallel_batch_away_from_running_trials()
    {
        var branin = TestFunctions.Branin();
        double Spread(bool liar)
        {
            // 30 finished trials, then a batch of 8 asked before any is told, as 8 parallel workers would.
            var sampler = new TpeSampler(seed: 9, constantLiar: liar);
            var trials = new List<TrialRecord>();
            for (var n = 0; n < 30; n++)
            {
                var point = sampler.Sample(new SamplingContext(branin.Space, Direction.Minimize, trials, n));
                trials.Add(Complete(n, point, branin.Evaluate(point)));
            }

            var batch = new List<double[]>();
            for (var n = 30; n < 38; n++)
            {
                var point = sampler.Sample(new SamplingContext(branin.Space, Direction.Minimize, trials, n));
                trials.Add(Running(n, point));
                batch.Add(branin.Space.ToUnit(point));
            }

            return batch.Select((p, i) => batch.Where((_, j) => j != i).Min(q => Distance(p, q))).Average();
        }

        Assert.True(Spread(liar: true) > 1.5 * Spread(liar: false),
            $"mean nearest-neighbour distance: with liar {Spread(true)}, without {Spread(false)}");
    }

    [Fact]
    public void Bad_settings_are_refused_naming_the_parameter()
    {
        Assert.Equal("candidates", Assert.Throws<ArgumentOutOfRangeException>(() => new TpeSampler(candidates: 0)).ParamName);
        Assert.Equal("startupTrials", Assert.Throws<ArgumentOutOfRangeException>(() => new TpeSampler(startupTrials: -1)).ParamName);
        Assert.Equal("priorWeight", Assert.Throws<ArgumentOutOfRangeException>(() => new TpeSampler(priorWeight: double.NaN)).ParamName);
    }

    [Fact]
    public void The_default_gamma_takes_a_tenth_rounded_up_and_at_most_25()
    {
        Assert.Equal([0, 1, 1, 2, 10, 25, 25], new[] { 0, 1, 10, 11, 100, 250, 1000 }.Select(TpeSampler.DefaultGamma));
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
