using Dials.Samplers;

namespace Dials.Tuner.Tests;

/// <summary>Time budgets, broken samplers and generated types.</summary>
public sealed class StudyEdgeTests
{
    [Fact]
    public async Task No_trial_starts_after_the_time_budget_and_durations_come_from_the_clock()
    {
        var clock = new ManualClock();
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(1), TimeProvider = clock });

        var result = await study.OptimizeAsync(toy =>
        {
            clock.Advance(TimeSpan.FromSeconds(3));
            return toy.X;
        }, trials: 100, timeout: TimeSpan.FromSeconds(10));

        // Trials start at 0, 3, 6 and 9 seconds; at 12 the budget is spent.
        Assert.Equal(4, result.Trials.Count);
        Assert.Equal([0.0, 3, 6, 9], result.Trials.Select(t => (t.Start - ManualClock.Origin).TotalSeconds));
        Assert.All(result.Trials, t => Assert.Equal(TimeSpan.FromSeconds(3), t.Duration));
    }

    [Fact]
    public async Task A_failing_sampler_fails_its_trial_and_stops_the_study_with_its_exception()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new FailingSampler(failAt: 5) });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => study.OptimizeAsync(toy => toy.X, trials: 20));

        var trials = study.GetResult().Trials;
        Assert.Equal("no more ideas", error.Message);
        Assert.Equal(6, trials.Count);
        Assert.Equal(TrialState.Failed, trials[5].State);
        Assert.Contains("sampler failed: no more ideas", trials[5].FailReason);
    }

    [Fact]
    public void A_sampler_proposing_a_point_outside_the_space_is_caught()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new OutOfBoundsSampler() });

        var error = Assert.Throws<InvalidOperationException>(() => study.Ask());

        Assert.Contains("X = 42", error.Message);
        Assert.Equal(TrialState.Failed, study.GetResult().Trials[0].State);
    }

    [Fact]
    public void A_point_that_cannot_be_decoded_fails_its_trial_instead_of_leaving_it_running()
    {
        var space = new SearchSpace<int>([Dimension.Float("x", 0, 1)], () => 0, (_, _) => 0.5,
            (_, _) => throw new FormatException("decoder bug"));
        var study = Study.Create(space, new StudyOptions { Sampler = new RandomSampler(1) });

        Assert.Throws<FormatException>(() => study.Ask());

        var trial = Assert.Single(study.GetResult().Trials);
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Contains("decoder bug", trial.FailReason);
    }

    [Fact]
    public async Task A_type_with_its_own_search_space_needs_only_options()
    {
        var study = Study.Create<ToyParameters>(new StudyOptions { Name = "typed", Sampler = new RandomSampler(2) });

        var result = await study.OptimizeAsync(p => p.Toy.X * p.Toy.X, trials: 10);

        Assert.Equal("typed", study.Name);
        Assert.Equal(10, result.Trials.Count);
        Assert.Equal(result.Trials.Min(t => t.Value), result.Best.Value);
    }

    [Fact]
    public void Unnamed_studies_get_distinct_generated_names()
    {
        Assert.NotEqual(Study.Create(TestSpaces.Toy()).Name, Study.Create(TestSpaces.Toy()).Name);
    }

    /// <summary>Stands in for a generated hyperparameter type.</summary>
    public sealed record ToyParameters(Toy Toy) : IHyperparameters<ToyParameters>
    {
        private static readonly SearchSpace<Toy> Inner = TestSpaces.Toy();

        public static SearchSpace<ToyParameters> SearchSpace { get; } = new(
            Inner.Dimensions, () => new ToyParameters(Inner.Default), (config, i) => Inner.ToValues(Inner.Encode(config.Toy))
                .TryGetValue(Inner.Dimensions[i].Name, out var value) ? value : null,
            (point, _) => new ToyParameters(Inner.Decode(point)));
    }

    private sealed class FailingSampler(int failAt) : ISampler
    {
        private readonly RandomSampler inner = new(3);

        public double[] Sample(SamplingContext context) =>
            context.TrialNumber == failAt ? throw new InvalidOperationException("no more ideas") : inner.Sample(context);
    }

    private sealed class OutOfBoundsSampler : ISampler
    {
        public double[] Sample(SamplingContext context) => [42, 3, 0];
    }
}
