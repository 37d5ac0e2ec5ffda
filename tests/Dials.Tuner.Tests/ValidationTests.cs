using Dials.Samplers;
using Dials.Storage;

namespace Dials.Tuner.Tests;

/// <summary>Arguments and options that cannot work are refused before anything is written, naming what is wrong;
/// extreme but legal ones work.</summary>
public sealed class ValidationTests
{
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
        var study = Study.Create(TestSpaces.Toy());

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
}
