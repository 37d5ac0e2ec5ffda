using Dials.Samplers;
using Dials.Storage;

namespace Dials.Tuner.Tests;

/// <summary>Arguments and options that cannot work are refused before anything is written, naming what is wrong;
/// extreme but legal ones work.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string> Samplers => ["random", "tpe", "qmc", "grid", "cmaes", "gp", "auto"];

    [Fact]
    public void Refused_study_options_leave_no_study_record()
    {
        var storage = new InMemoryStorage();

        var error = Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Toy(), new StudyOptions
        {
            Name = "refused",
            Storage = storage,
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            StaleAfter = TimeSpan.FromMilliseconds(500),
        }));

        Assert.Contains("StaleAfter", error.Message);
        Assert.Empty(storage.ListStudies());
    }

    [Fact]
    public void A_heartbeat_interval_no_timer_can_hold_is_refused_by_name_before_anything_is_written()
    {
        var storage = new InMemoryStorage();

        var error = Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Toy(), new StudyOptions
        {
            Name = "refused",
            Storage = storage,
            HeartbeatInterval = TimeSpan.MaxValue,
        }));

        Assert.Contains("HeartbeatInterval", error.Message);
        Assert.Empty(storage.ListStudies());
    }

    [Fact]
    public async Task A_trial_timeout_of_TimeSpan_MaxValue_is_no_limit()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(1) });

        var result = await study.OptimizeAsync(toy => toy.X, trials: 3, trialTimeout: TimeSpan.MaxValue, timeout: TimeSpan.MaxValue);

        Assert.Equal(3, result.Trials.Count);
        Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void Enqueue_null_is_an_ArgumentNullException()
    {
        var study = Study.Create(SamplerHarness.UnitCube(2));

        Assert.Throws<ArgumentNullException>(() => study.Enqueue(null!));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void DecodeUnit_refuses_a_non_finite_coordinate_naming_its_dimension(double bad)
    {
        var space = TestSpaces.Toy();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => space.DecodeUnit([0.5, bad, 0.5]));

        Assert.Contains("'N'", error.Message);
    }

    [Fact]
    public void The_widest_float_range_maps_the_unit_interval_onto_itself()
    {
        var dimension = Dimension.Float("x", -double.MaxValue, double.MaxValue);

        Assert.Equal(0, dimension.FromUnit(0.5));
        Assert.Equal(-double.MaxValue, dimension.FromUnit(0));
        Assert.Equal(double.MaxValue, dimension.FromUnit(1));
        Assert.Equal(0.75, dimension.ToUnit(dimension.FromUnit(0.75)), 12);
        Assert.Equal(0.5, dimension.ToUnit(0));
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public async Task Every_sampler_spreads_over_the_widest_float_range(string sampler)
    {
        var space = SamplerHarness.Of(Dimension.Float("x", -double.MaxValue, double.MaxValue), Dimension.Float("y", 0, 1));
        var study = Study.Create(space, new StudyOptions { Sampler = Create(sampler) });

        var result = await study.OptimizeAsync(p => Math.Abs(p[0] / double.MaxValue) + p[1], trials: 14);

        Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        var xs = result.Trials.Select(t => (double)t.Parameters["x"]).ToList();
        Assert.All(xs, x => Assert.True(double.IsFinite(x), $"{sampler} proposed {x}"));
        Assert.True(xs.Distinct().Count() >= 3, $"{sampler} proposed only {string.Join(", ", xs.Distinct())}");
        Assert.Contains(xs, x => Math.Abs(x) < double.MaxValue / 2);
    }

    [Fact]
    public void A_grid_of_500_dimensions_is_refused_before_it_is_built()
    {
        var space = SamplerHarness.UnitCube(500);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ArgumentException>(() => new GridSampler().PointsOf(space));

        Assert.Contains("more than 1000000 points", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "the grid was built before it was refused");
    }

    [Fact]
    public void A_grid_over_a_billion_integers_is_refused_without_listing_them()
    {
        var space = SamplerHarness.Of(Dimension.Int("n", 0, 1_000_000_000));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ArgumentException>(() => new GridSampler().PointsOf(space));

        Assert.Contains("'n' alone has 1000000001 values", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "the levels were listed before the grid was refused");
    }

    [Fact]
    public void A_large_conditional_grid_is_counted_with_its_conditions()
    {
        // Twelve 4-valued dimensions under a 2-valued switch: the product of the level counts is 2 * 4^12 (33 million),
        // but each branch activates only six of them: 2 * 4^6 = 8192 points.
        var dimensions = new List<Dimension> { Dimension.Categorical("branch", ["a", "b"]) };
        dimensions.AddRange(Enumerable.Range(0, 12).Select(i =>
            Dimension.Int($"d{i}", 1, 4, condition: new DimensionCondition("branch", [i < 6 ? 0.0 : 1.0]))));
        var space = SamplerHarness.Of([.. dimensions]);

        Assert.Equal(8192, new GridSampler().PointsOf(space).Count);
    }

    private static ISampler Create(string name) => name switch
    {
        "random" => new RandomSampler(1),
        "tpe" => new TpeSampler(1, startupTrials: 4),
        "qmc" => new QmcSampler(seed: 1),
        "grid" => new GridSampler(),
        "cmaes" => new CmaEsSampler(1),
        "gp" => new GpSampler(1, startupTrials: 4),
        _ => new AutoSampler(1),
    };
}
