using Dials.Simulation;
using static Dials.Samplers.Tests.SamplerHarness;

namespace Dials.Samplers.Tests;

/// <summary>What every sampler here promises: valid points, conditions respected, every kind of dimension covered,
/// seeds reproducible, the widest float range spread over.</summary>
public sealed class SamplerContractTests
{
    public static TheoryData<string> Samplers => ["random", "sobol", "halton", "grid"];

    private static ISampler Create(string name, int seed) => name switch
    {
        "random" => new RandomSampler(seed),
        "sobol" => new QmcSampler(QmcSequenceKind.Sobol, seed: seed),
        "halton" => new QmcSampler(QmcSequenceKind.Halton, seed: seed),
        "grid" => new GridSampler(floatPoints: 4, seed: seed),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Every kind of sampler, model-based ones included.</summary>
    public static TheoryData<string> AllSamplers => ["random", "tpe", "qmc", "grid", "cmaes", "gp", "auto"];

    // Mostly default settings; the model-based samplers start modelling after 4 trials so that a short study reaches it.
    private static ISampler WithDefaults(string name) => name switch
    {
        "random" => new RandomSampler(1),
        "tpe" => new TpeSampler(1, startupTrials: 4),
        "qmc" => new QmcSampler(seed: 1),
        "grid" => new GridSampler(),
        "cmaes" => new CmaEsSampler(1),
        "gp" => new GpSampler(1, startupTrials: 4),
        _ => new AutoSampler(1),
    };

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Points_are_valid_and_inactive_dimensions_are_NaN(string name)
    {
        var space = TestSpaces.Mixed();

        foreach (var point in Points(Create(name, 1), space, 400))
        {
            Assert.Empty(space.Check(point));
            Assert.Equal(point[0] == 0, !double.IsNaN(point[1]));
            Assert.Equal(point[0] == 1, !double.IsNaN(point[2]));
            Assert.All(new[] { 0, 3, 4, 5, 6 }, i => Assert.False(double.IsNaN(point[i])));
        }
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Every_value_of_discrete_dimensions_and_both_branches_appear(string name)
    {
        var points = Points(Create(name, 2), TestSpaces.Mixed(), 400);

        Assert.Equal([0.0, 1.0], points.Select(p => p[0]).Distinct().Order());
        Assert.Equal([16.0, 32, 64, 128, 256], points.Select(p => p[3]).Distinct().Order());
        Assert.Equal([2.0, 4, 6, 8], points.Select(p => p[4]).Distinct().Order());
        Assert.Equal(6, points.Select(p => Math.Round(p[6], 9)).Distinct().Count());
    }

    [Theory]
    [InlineData("random", "random")]
    [InlineData("sobol", "QMC")]
    [InlineData("halton", "QMC")]
    [InlineData("grid", "grid")]
    public void Each_proposal_names_its_strategy_and_is_the_point_Sample_gives(string name, string strategy)
    {
        var space = TestSpaces.Mixed();
        var sampled = Points(Create(name, 4), space, 20);
        var proposing = (IProposingSampler)Create(name, 4);
        var trials = new List<TrialRecord>();
        for (var n = 0; n < sampled.Count; n++)
        {
            var proposal = proposing.Propose(new SamplingContext(space, Direction.Minimize, trials, n));
            Assert.Equal(sampled[n], proposal.Point);
            Assert.Equal(strategy, proposal.Strategy);
            trials.Add(Complete(n, proposal.Point, 0));
        }
    }

    [Fact]
    public void Proposals_say_where_in_the_sequence_or_grid_the_point_is()
    {
        var space = TestSpaces.Mixed();
        static SamplingContext At(SearchSpace space, int n, IReadOnlyList<TrialRecord> trials) => new(space, Direction.Minimize, trials, n);

        Assert.Null(new RandomSampler(1).Propose(At(space, 0, [])).Reason);
        Assert.Equal("point 5 of the scrambled Sobol sequence", new QmcSampler(seed: 1).Propose(At(space, 5, [])).Reason);
        Assert.Equal("point 2 of the Halton sequence", new QmcSampler(QmcSequenceKind.Halton, scramble: false).Propose(At(space, 2, [])).Reason);

        var grid = new GridSampler(floatPoints: 2);
        var line = TestFunction.PointSpace([Dimension.Int("n", 1, 3)]);
        Assert.Equal("grid point 1 of 3", grid.Propose(At(line, 0, [])).Reason);
        var all = Enumerable.Range(0, 3)
            .Select(n => Complete(n, [n + 1.0], 0)).ToList();
        Assert.Equal("grid point 1 of 3, again: every point has been tried 1 time", grid.Propose(At(line, 3, all)).Reason);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void The_same_seed_replays_and_another_seed_differs(string name)
    {
        var space = TestSpaces.Mixed();

        var first = Points(Create(name, 5), space, 30);
        var again = Points(Create(name, 5), space, 30);
        var other = Points(Create(name, 6), space, 30);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    [InlineData("halton")]
    public void Log_dimensions_are_spread_evenly_in_log_space(string name)
    {
        var space = TestFunction.PointSpace([Dimension.Float("lr", 1e-5, 1, log: true)]);

        var points = Points(Create(name, 3), space, 1000);

        // Log-uniform over five decades puts two fifths below 1e-3; uniform would put a thousandth there.
        var below = points.Count(p => p[0] < 1e-3) / 1000.0;
        Assert.InRange(below, 0.35, 0.45);
        Assert.All(points, p => Assert.InRange(p[0], 1e-5, 1));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    [InlineData("halton")]
    public void Integer_ends_are_as_likely_as_inner_values(string name)
    {
        var space = TestFunction.PointSpace([Dimension.Int("n", 1, 10)]);

        var counts = Points(Create(name, 4), space, 2000).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (double)i), counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 150, 250));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sobol")]
    [InlineData("halton")]
    public void A_trial_point_depends_on_the_seed_and_the_trial_number_only(string name)
    {
        var space = TestSpaces.Mixed();
        var sampler = Create(name, 9);
        var history = Points(new RandomSampler(1), space, 5)
            .Select((p, n) => Running(n, p))
            .ToList();

        var alone = sampler.Sample(new SamplingContext(space, Direction.Minimize, [], 7));
        var withHistory = sampler.Sample(new SamplingContext(space, Direction.Minimize, history, 7));
        var next = sampler.Sample(new SamplingContext(space, Direction.Minimize, [], 8));

        Assert.Equal(alone, withHistory);
        Assert.NotEqual(alone, next);
    }

    [Theory]
    [MemberData(nameof(AllSamplers))]
    public async Task Every_sampler_spreads_over_the_widest_float_range(string sampler)
    {
        var space = TestFunction.PointSpace([Dimension.Float("x", -double.MaxValue, double.MaxValue), Dimension.Float("y", 0, 1)]);
        var study = Study.Create(space, new StudyOptions { Sampler = WithDefaults(sampler) });

        var result = await study.OptimizeAsync(p => Math.Abs(p[0] / double.MaxValue) + p[1], trials: 14);

        Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        var xs = result.Trials.Select(t => (double)t.Parameters["x"]).ToList();
        Assert.All(xs, x => Assert.True(double.IsFinite(x), $"{sampler} proposed {x}"));
        Assert.True(xs.Distinct().Count() >= 3, $"{sampler} proposed only {string.Join(", ", xs.Distinct())}");
        Assert.Contains(xs, x => Math.Abs(x) < double.MaxValue / 2);
    }
}
