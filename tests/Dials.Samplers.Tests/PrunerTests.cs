using Dials.Pruners;
using static Dials.Samplers.Tests.Curves;

namespace Dials.Samplers.Tests;

public sealed class PrunerTests
{
    // Five complete trials whose values at every step are 1, 2, 3, 4 and 5: the median is 3.
    private static readonly TrialRecord[] Finished =
        [.. Enumerable.Range(0, 5).Select(i => Trial(i, TrialState.Complete, i + 1, i + 1, i + 1, i + 1))];

    [Fact]
    public void Nop_never_prunes()
    {
        Assert.False(Prunes(new NopPruner(), Trial(9, TrialState.Running, double.NaN), Finished));
    }

    [Fact]
    public void Median_prunes_a_trial_worse_than_the_median_at_its_step_and_keeps_a_better_one()
    {
        var pruner = new MedianPruner();

        Assert.True(Prunes(pruner, Trial(9, TrialState.Running, 3.5), Finished));
        Assert.False(Prunes(pruner, Trial(9, TrialState.Running, 2.5), Finished));
        Assert.False(Prunes(pruner, Trial(9, TrialState.Running, 3.0), Finished));
    }

    [Fact]
    public void Median_judges_the_best_value_so_far_not_the_last()
    {
        Assert.False(Prunes(new MedianPruner(), Trial(9, TrialState.Running, 1, 9), Finished));
    }

    [Fact]
    public void Median_maximizing_prunes_the_low_values()
    {
        var pruner = new MedianPruner();

        Assert.True(Prunes(pruner, Trial(9, TrialState.Running, 2.5), Finished, Direction.Maximize));
        Assert.False(Prunes(pruner, Trial(9, TrialState.Running, 3.5), Finished, Direction.Maximize));
    }

    [Fact]
    public void Median_waits_for_startup_trials_warmup_steps_and_the_interval()
    {
        var bad = Trial(9, TrialState.Running, 10, 10, 10);

        Assert.False(Prunes(new MedianPruner(startupTrials: 6), bad, Finished));
        Assert.False(Prunes(new MedianPruner(warmupSteps: 4), bad, Finished));
        Assert.True(Prunes(new MedianPruner(warmupSteps: 3), bad, Finished));
        Assert.False(Prunes(new MedianPruner(intervalSteps: 2), bad, Finished));
        Assert.True(Prunes(new MedianPruner(warmupSteps: 1, intervalSteps: 2), bad, Finished));
    }

    [Fact]
    public void Median_judges_the_first_report_of_each_interval_even_off_its_grid()
    {
        // Reports at steps 1, 3 and 5 with an interval of 2: step 5 is the first report since boundary 4.
        var offGrid = At(9, TrialState.Running, new(1, 10), new(3, 10), new(5, 10));
        var sameInterval = At(9, TrialState.Running, new(4, 10), new(5, 10));
        var everyStep = Enumerable.Range(0, 5).Select(i => Trial(i, TrialState.Complete, 1, 1, 1, 1, 1));

        Assert.True(Prunes(new MedianPruner(intervalSteps: 2), offGrid, everyStep));
        Assert.False(Prunes(new MedianPruner(intervalSteps: 2), sameInterval, everyStep));
    }

    [Fact]
    public void Median_needs_min_trials_reporting_the_same_step()
    {
        var longer = Trial(9, TrialState.Running, 10, 10, 10, 10, 10);
        var twoReachStep5 = Finished.Append(Trial(5, TrialState.Complete, 1, 1, 1, 1, 1)).Append(Trial(6, TrialState.Complete, 1, 1, 1, 1, 1));

        Assert.False(Prunes(new MedianPruner(minTrials: 3), longer, twoReachStep5));
        Assert.True(Prunes(new MedianPruner(minTrials: 2), longer, twoReachStep5));
    }

    [Fact]
    public void Only_complete_trials_set_the_bar()
    {
        var pruned = Enumerable.Range(5, 10).Select(i => Trial(i, TrialState.Pruned, 100));

        Assert.False(Prunes(new MedianPruner(), Trial(20, TrialState.Running, 2.5), Finished.Concat(pruned)));
    }

    [Fact]
    public void A_NaN_curve_is_pruned()
    {
        Assert.True(Prunes(new MedianPruner(), Trial(9, TrialState.Running, double.NaN), Finished));
    }

    [Fact]
    public void Percentile_sets_how_much_survives()
    {
        var running = Trial(9, TrialState.Running, 2.5);

        Assert.True(Prunes(new PercentilePruner(25), running, Finished));
        Assert.False(Prunes(new PercentilePruner(75), running, Finished));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PercentilePruner(101));
    }

    [Fact]
    public void Asha_promotes_the_first_trial_to_reach_a_rung()
    {
        Assert.False(Prunes(new SuccessiveHalvingPruner(reductionFactor: 2), Trial(0, TrialState.Running, 100), []));
    }

    [Fact]
    public void Asha_keeps_the_top_fraction_at_a_rung()
    {
        // Four trials reached rung 0 (step 1) with 1, 2, 3, 4; with eta 2 a newcomer must be in the best 5 / 2 = 2.
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 2);
        var others = Enumerable.Range(0, 4).Select(i => Trial(i, TrialState.Running, i + 1));

        Assert.False(Prunes(pruner, Trial(9, TrialState.Running, 2), others));
        Assert.True(Prunes(pruner, Trial(9, TrialState.Running, 2.5), others));
        Assert.True(Prunes(pruner, Trial(9, TrialState.Running, 2.5), others, Direction.Minimize));
        Assert.False(Prunes(pruner, Trial(9, TrialState.Running, 3.5), others, Direction.Maximize));
    }

    [Fact]
    public void Asha_judges_a_trial_only_where_its_last_report_crossed_a_rung()
    {
        // Rungs at steps 1, 2, 4, 8. Step 3 crosses none, so even a bad value there is not judged.
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 2);
        var others = Enumerable.Range(0, 4).Select(i => Trial(i, TrialState.Complete, 1, 1, 1, 1));

        Assert.False(Prunes(pruner, Trial(9, TrialState.Running, 1, 1, 50), others));
        Assert.True(Prunes(pruner, Trial(9, TrialState.Running, 1, 1, 1, 50), others));
    }

    [Fact]
    public void Asha_uses_the_value_a_competitor_had_when_it_reached_the_rung()
    {
        // The competitors were good at step 2 and got worse later; what counts at rung step 2 is their step-2 value.
        var pruner = new SuccessiveHalvingPruner(minResource: 2, reductionFactor: 2);
        var others = Enumerable.Range(0, 4).Select(i => Trial(i, TrialState.Complete, 1, 1, 9, 9));

        Assert.True(Prunes(pruner, Trial(9, TrialState.Running, 5, 5), others));
    }

    [Fact]
    public void Asha_min_early_stopping_rate_skips_the_first_rungs()
    {
        var others = Enumerable.Range(0, 4).Select(i => Trial(i, TrialState.Complete, 1, 1, 1, 1));
        var bad = Trial(9, TrialState.Running, 50);

        Assert.True(Prunes(new SuccessiveHalvingPruner(reductionFactor: 2), bad, others));
        Assert.False(Prunes(new SuccessiveHalvingPruner(reductionFactor: 2, minEarlyStoppingRate: 1), bad, others));
    }

    [Fact]
    public void Asha_honours_min_trials_and_warmup()
    {
        var others = Enumerable.Range(0, 4).Select(i => Trial(i, TrialState.Complete, 1));
        var bad = Trial(9, TrialState.Running, 50);

        Assert.False(Prunes(new SuccessiveHalvingPruner(reductionFactor: 2, minTrials: 6), bad, others));
        Assert.False(Prunes(new SuccessiveHalvingPruner(reductionFactor: 2, warmupSteps: 2), bad, others));
        Assert.True(Prunes(new SuccessiveHalvingPruner(reductionFactor: 2), Trial(9, TrialState.Running, double.NaN), []));
    }

    [Fact]
    public void Hyperband_has_one_bracket_per_rung_and_favours_the_aggressive_ones()
    {
        var pruner = new HyperbandPruner(minResource: 1, maxResource: 81, reductionFactor: 3);
        var counts = new int[pruner.BracketCount];
        for (var n = 0; n < 3000; n++)
        {
            counts[pruner.BracketOf(n)]++;
        }

        Assert.Equal(5, pruner.BracketCount);
        Assert.All(counts, c => Assert.True(c > 0));
        Assert.True(counts[0] > counts[^1]);
        Assert.Equal(pruner.BracketOf(1234), new HyperbandPruner(81, 1, 3).BracketOf(1234));
    }

    [Fact]
    public void Hyperband_trials_compete_only_within_their_bracket()
    {
        var pruner = new HyperbandPruner(minResource: 1, maxResource: 9, reductionFactor: 3);
        var aggressive = Enumerable.Range(0, 200).Where(n => pruner.BracketOf(n) == 0).Take(4).ToArray();
        var elsewhere = Enumerable.Range(0, 200).Where(n => pruner.BracketOf(n) != 0).Take(6)
            .Select(n => Trial(n, TrialState.Complete, 0, 0, 0)).ToArray();
        var rivals = aggressive[..3].Select(n => Trial(n, TrialState.Complete, 5, 5, 5)).ToArray();

        // Best of its own bracket at rung step 1 despite the far better trials of other brackets.
        Assert.False(Prunes(pruner, Trial(aggressive[3], TrialState.Running, 1), [.. elsewhere, .. rivals]));
        Assert.True(Prunes(pruner, Trial(aggressive[3], TrialState.Running, 9), [.. elsewhere, .. rivals]));
    }

    [Fact]
    public void Patience_prunes_a_curve_that_stopped_improving()
    {
        var pruner = new PatiencePruner(patience: 2);

        Assert.False(Prunes(pruner, Trial(0, TrialState.Running, 5, 4, 3, 2), []));
        Assert.False(Prunes(pruner, Trial(0, TrialState.Running, 5, 4, 4, 3), []));
        Assert.True(Prunes(pruner, Trial(0, TrialState.Running, 5, 3, 4, 3), []));
        Assert.False(Prunes(pruner, Trial(0, TrialState.Running, 5, 5), []));
    }

    [Fact]
    public void Patience_requires_improvements_larger_than_min_delta()
    {
        var curve = Trial(0, TrialState.Running, 1.0, 0.95, 0.92);

        Assert.False(Prunes(new PatiencePruner(patience: 2), curve, []));
        Assert.True(Prunes(new PatiencePruner(patience: 2, minDelta: 0.1), curve, []));
    }

    [Fact]
    public void Patience_follows_the_direction_and_the_warmup()
    {
        var rising = Trial(0, TrialState.Running, 1, 2, 3);
        var flat = Trial(0, TrialState.Running, 1, 1, 1);

        Assert.False(Prunes(new PatiencePruner(2), rising, [], Direction.Maximize));
        Assert.True(Prunes(new PatiencePruner(2), rising, [], Direction.Minimize));
        Assert.False(Prunes(new PatiencePruner(2, warmupSteps: 4), flat, []));
    }

    [Fact]
    public async Task A_study_prunes_through_trial_should_prune()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions
        {
            Sampler = new Samplers.RandomSampler(5),
            Pruner = new MedianPruner(startupTrials: 3),
        });

        var result = await study.OptimizeAsync((toy, trial, _) =>
        {
            for (var step = 1; step <= 5; step++)
            {
                trial.Report(step, TestSpaces.Bowl(toy) * step);
                if (trial.ShouldPrune)
                {
                    throw new TrialPrunedException();
                }
            }

            return ValueTask.FromResult(TestSpaces.Bowl(toy) * 5);
        }, trials: 30);

        Assert.Contains(result.Trials, t => t.State == TrialState.Pruned);
        Assert.All(result.Trials.Take(3), t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(result.Trials.Where(t => t.State == TrialState.Pruned), t =>
        {
            Assert.Null(t.Value);
            Assert.NotEmpty(t.Intermediate);
        });
    }
}
