using Dials.Samplers;
using Dials.Stopping;
using Dials.Testing;

namespace Dials.Tuner.Tests.Stopping;

/// <summary>Stopping rules: each must fire on a flat study and not on an improving one, and the run says why it
/// stopped.</summary>
public sealed class StoppingRuleTests
{
    private static StudySnapshot Snapshot(IEnumerable<double> values, Direction direction = Direction.Minimize)
    {
        var space = TestSpaces.Toy();
        var random = new Random(5);
        var trials = values.Select((v, i) => new TrialRecord(i, TrialState.Complete,
            [random.NextDouble() * 10 - 5, random.Next(1, 11), random.Next(2)], v, [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1))).ToList();
        return new StudySnapshot("s", direction, space, trials);
    }

    [Fact]
    public void No_improvement_fires_after_its_patience_and_not_while_the_best_improves()
    {
        var rule = new NoImprovementStop(Patience: 5, MinDelta: 0.01);
        var improving = Enumerable.Range(0, 30).Select(i => 10.0 - i);
        var flat = improving.Take(10).Concat(Enumerable.Repeat(1.0, 5)).Concat([0.995]);   // 0.5 % better is below MinDelta

        Assert.Null(rule.ShouldStop(Snapshot(improving)));
        Assert.Equal("no improvement of the best value (1, trial 9) by more than 0.01 in the last 6 complete trials (patience 5)",
            rule.ShouldStop(Snapshot(flat)));
        Assert.Null(rule.ShouldStop(Snapshot(improving.Select(v => -v), Direction.Maximize)));
        Assert.NotNull(rule.ShouldStop(Snapshot(flat.Select(v => -v), Direction.Maximize)));
    }

    [Fact]
    public async Task Improvement_below_noise_fires_on_a_flat_noisy_study_and_not_on_an_improving_one()
    {
        var rule = new ImprovementBelowNoiseStop(Noise: 0.1);

        // Flat: the value does not depend on the configuration at all, only on noise of sd 0.1.
        var noise = new Random(11);
        var flat = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(3) });
        await flat.OptimizeAsync(_ => 1 + 0.1 * Gaussian(noise), trials: 100);

        // Improving: a smooth bowl whose values span far more than the noise.
        var bowl = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(3) });
        await bowl.OptimizeAsync(toy => TestSpaces.Bowl(toy) + 0.1 * Gaussian(noise), trials: 100);

        var reason = rule.ShouldStop(flat.Snapshot());
        Assert.NotNull(reason);
        Assert.Contains("is below the validation noise (0.1)", reason);
        Assert.Null(rule.ShouldStop(bowl.Snapshot()));
        Assert.Null(rule.ShouldStop(bowl.Snapshot() with { Trials = [.. bowl.Snapshot().Trials.Take(30)] }));
        Assert.Null(rule.ShouldStop(flat.Snapshot() with { Trials = [.. flat.Snapshot().Trials.Take(19)] }));
    }

    [Fact]
    public void Noise_from_folds_scales_their_spread_for_shared_training_data()
    {
        // sd of [1, 2, 3, 4, 5] is √2.5; × √(1/5 + 1/4).
        Assert.Equal(Math.Sqrt(2.5 * 0.45), ImprovementBelowNoiseStop.NoiseFromFolds([1, 2, 3, 4, 5]), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImprovementBelowNoiseStop.NoiseFromFolds([1]));
    }

    [Fact]
    public async Task A_run_stopped_by_its_rule_says_why_and_keeps_every_trial()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(1), StopWhen = new NoImprovementStop(3) });
        var result = await study.OptimizeAsync(_ => 1.0, trials: 50);

        Assert.Equal(4, result.Trials.Count);
        Assert.StartsWith("NoImprovementStop: no improvement of the best value (1, trial 0)", result.StoppedBecause);

        var unstopped = await Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(1) }).OptimizeAsync(_ => 1.0, trials: 5);
        Assert.Null(unstopped.StoppedBecause);
    }

    [Fact]
    public void A_study_of_several_objectives_refuses_a_stopping_rule_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Toy(), new StudyOptions
        {
            Directions = [Direction.Minimize, Direction.Minimize],
            StopWhen = new NoImprovementStop(3),
        }));

        Assert.Contains("NoImprovementStop (StudyOptions.StopWhen)", error.Message);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
