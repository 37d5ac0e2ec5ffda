using Dials.Simulation;

namespace Dials.Samplers.Tests.Gp;

public class GpSamplerTests
{
    [Fact]
    public void Every_proposal_is_valid_in_a_space_of_every_kind_with_conditions()
    {
        var trials = SamplerHarness.Run(SamplerHarness.EveryKind, new GpSampler(seed: 1), SamplerHarness.EveryKindObjective, 30);
        SamplerHarness.AssertValid(SamplerHarness.EveryKind, trials.Select(t => t.Point));
        Assert.Contains(trials, t => t.Point[7] == 1 && !double.IsNaN(t.Point[8]));
        Assert.Contains(trials, t => t.Point[7] != 1);
    }

    [Fact]
    public void The_same_seed_replays_the_same_study_and_another_seed_does_not()
    {
        var branin = TestFunctions.Branin();
        double[][] Points(int seed) => [.. SamplerHarness.Run(branin.Space, new GpSampler(seed: seed), branin.Evaluate, 16).Select(t => t.Point.ToArray())];
        Assert.Equal(Points(3), Points(3));
        Assert.NotEqual(Points(3), Points(4));
    }

    [Fact]
    public void Start_up_points_come_from_the_quasi_random_sequence_then_the_gp_proposes()
    {
        var branin = TestFunctions.Branin();
        var qmc = SamplerHarness.Run(branin.Space, new QmcSampler(seed: 5), branin.Evaluate, 10);
        var study = Study.Create(branin.Space, new StudyOptions { Sampler = new GpSampler(seed: 5, startupTrials: 10) });
        for (var n = 0; n < 12; n++)
        {
            var trial = study.Ask();
            study.Tell(trial, branin.Evaluate(trial.Config));
        }

        var trials = study.Storage.ReadTrials(study.Name);
        Assert.Equal(qmc.Select(t => t.Point.ToArray()), trials.Take(10).Select(t => t.Point.ToArray()));
        var sampler = new GpSampler(seed: 5, startupTrials: 10);
        Assert.Equal("QMC start-up", sampler.Propose(new SamplingContext(branin.Space, Direction.Minimize, [.. trials.Take(9)], 9)).Strategy);
        Assert.Equal("GP", sampler.Propose(new SamplingContext(branin.Space, Direction.Minimize, trials, 12)).Strategy);
    }

    [Fact]
    public void Pruned_trials_count_towards_the_start_up_once_two_trials_are_complete()
    {
        var branin = TestFunctions.Branin();
        var qmc = new QmcSampler(seed: 1);
        TrialRecord Finished(int n, bool complete)
        {
            var point = qmc.Sample(new SamplingContext(branin.Space, Direction.Minimize, [], n));
            return complete
                ? SamplerHarness.Complete(n, point, branin.Evaluate(point))
                : new TrialRecord(n, TrialState.Pruned, point, null, [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1));
        }

        var sampler = new GpSampler(seed: 1, startupTrials: 10);
        List<TrialRecord> onePrunedShort = [.. Enumerable.Range(0, 9).Select(n => Finished(n, complete: n < 3))];
        List<TrialRecord> mostlyPruned = [.. Enumerable.Range(0, 10).Select(n => Finished(n, complete: n < 2))];
        List<TrialRecord> allButOnePruned = [.. Enumerable.Range(0, 12).Select(n => Finished(n, complete: n < 1))];
        Assert.Equal("QMC start-up", sampler.Propose(new SamplingContext(branin.Space, Direction.Minimize, onePrunedShort, 9)).Strategy);
        Assert.Equal("GP", sampler.Propose(new SamplingContext(branin.Space, Direction.Minimize, mostlyPruned, 10)).Strategy);
        Assert.Equal("QMC start-up", sampler.Propose(new SamplingContext(branin.Space, Direction.Minimize, allButOnePruned, 12)).Strategy);
    }

    [Fact]
    public void Branin_is_solved_within_fifty_trials()
    {
        var branin = TestFunctions.Branin();
        var best = SamplerHarness.Best(SamplerHarness.Run(branin.Space, new GpSampler(seed: 2), branin.Evaluate, 50));
        Assert.True(best - branin.Optimum < 1e-2, $"best {best}");
    }

    [Fact]
    public void Six_hump_camel_is_refined_to_a_regret_under_one_ten_millionth_in_sixty_trials()
    {
        // With the noise floor at 1e-6 of the values' variance this seed stopped at 3e-5: the floor, not the data,
        // limited how finely the model resolved the basin.
        var camel = MoreTestFunctions.SixHumpCamel();
        var best = SamplerHarness.Best(SamplerHarness.Run(camel.Space, new GpSampler(seed: 0), camel.Evaluate, 60));
        Assert.True(best - camel.Optimum < 1e-7, $"regret {best - camel.Optimum}");
    }

    [Fact]
    public void Maximizing_climbs_to_the_top()
    {
        var branin = TestFunctions.Branin();
        var trials = SamplerHarness.Run(branin.Space, new GpSampler(seed: 6), x => -branin.Evaluate(x), 40, Direction.Maximize);
        Assert.True(-SamplerHarness.Best(trials, Direction.Maximize) - branin.Optimum < 0.05);
    }

    [Fact]
    public void A_running_trial_changes_the_next_proposal()
    {
        var branin = TestFunctions.Branin();
        var done = SamplerHarness.Run(branin.Space, new GpSampler(seed: 8), branin.Evaluate, 15);
        var sampler = new GpSampler(seed: 8);
        var alone = sampler.Sample(new SamplingContext(branin.Space, Direction.Minimize, done, 16));
        var withRunning = sampler.Sample(new SamplingContext(branin.Space, Direction.Minimize,
            [.. done, SamplerHarness.Running(15, alone)], 16));
        Assert.NotEqual(alone, withRunning);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Workers_asking_before_anyone_tells_never_get_the_same_point(bool discrete)
    {
        // Four workers ask at once, four times over; every point asked is different.
        var space = discrete
            ? TestFunction.PointSpace([Dimension.Int("a", 0, 4), Dimension.Categorical("b", ["x", "y", "z"])])
            : TestFunctions.Branin().Space;
        Func<double[], double> objective = discrete ? x => Math.Abs(x[0] - 2) + x[1] : TestFunctions.Branin().Evaluate;
        var study = Study.Create(space, new StudyOptions { Sampler = new GpSampler(seed: 9, startupTrials: 4) });
        var asked = new List<double[]>();
        for (var round = 0; round < 3; round++)
        {
            var batch = Enumerable.Range(0, 4).Select(_ => study.Ask()).ToList();
            asked.AddRange(batch.Select(t => study.Storage.ReadTrials(study.Name)[t.Number].Point.ToArray()));
            foreach (var trial in batch)
            {
                study.Tell(trial, objective(trial.Config));
            }
        }

        Assert.Equal(asked.Count, asked.Select(p => string.Join(",", p)).Distinct().Count());
    }

    [Fact]
    public void Pruned_and_failed_trials_do_not_break_proposals()
    {
        var branin = TestFunctions.Branin();
        var study = Study.Create(branin.Space, new StudyOptions { Sampler = new GpSampler(seed: 10, startupTrials: 5) });
        for (var n = 0; n < 20; n++)
        {
            var trial = study.Ask();
            switch (n % 3)
            {
                case 0:
                    study.Tell(trial, TrialState.Pruned);
                    break;
                case 1:
                    study.Tell(trial, TrialState.Failed, "boom");
                    break;
                default:
                    study.Tell(trial, branin.Evaluate(trial.Config));
                    break;
            }
        }

        SamplerHarness.AssertValid(branin.Space, study.Storage.ReadTrials(study.Name).Select(t => t.Point));
    }

    [Fact]
    public void Integer_steps_and_categorical_levels_are_found_exactly()
    {
        var space = TestFunction.PointSpace(
        [
            Dimension.Int("depth", 1, 12),
            Dimension.Int("width", 0, 200, step: 25),
            Dimension.PowerOfTwo("batch", 8, 1024),
            Dimension.Categorical("kind", ["a", "b", "c", "d"]),
            Dimension.Float("rate", 1e-4, 1e-1, log: true),
        ]);
        double Objective(double[] x) => Math.Pow(x[0] - 7, 2) + Math.Pow((x[1] - 100) / 25, 2) + Math.Pow(Math.Log2(x[2]) - 6, 2)
            + (x[3] == 2 ? 0 : 3) + Math.Pow(Math.Log10(x[4]) + 2.5, 2);
        var trials = SamplerHarness.Run(space, new GpSampler(seed: 12), Objective, 45);
        Assert.True(SamplerHarness.Best(trials) < 0.05, $"best {SamplerHarness.Best(trials)}");
    }

    [Fact]
    public void The_branch_holding_the_best_trial_has_its_conditional_dimensions_tuned_by_a_gp_of_its_own()
    {
        // mixed: Adam's beta1 must be right together with the shared learning rate; the best is 0 at beta1 = 0.9.
        var mixed = MixedFunction.Create();
        var trials = SamplerHarness.Run(mixed.Space, new GpSampler(seed: 1), mixed.Evaluate, 50);
        var byBranchGp = trials.Where(t => t.StrategyReason?.Contains("conditional dimension(s) by a GP over its", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(byBranchGp);
        var best = trials.Where(t => t.State == TrialState.Complete).MinBy(t => t.Value!.Value)!;
        Assert.True(best.Value < 0.05, $"best {best.Value}");
        Assert.Equal(1, best.Point[0]);
        Assert.InRange(best.Point[3], 0.85, 0.95);
    }

    [Fact]
    public void A_branch_without_the_best_trial_is_explored_by_tpe_rather_than_refined()
    {
        var mixed = MixedFunction.Create();
        var trials = SamplerHarness.Run(mixed.Space, new GpSampler(seed: 2), mixed.Evaluate, 60);
        Assert.Contains(trials, t => t.StrategyReason?.Contains("the best trial lies in another branch", StringComparison.Ordinal) == true);
        SamplerHarness.AssertValid(mixed.Space, trials.Select(t => t.Point));
    }

    [Fact]
    public void A_lone_choice_whose_levels_are_all_tried_is_still_chosen_by_the_model_not_at_random()
    {
        // One study searching three "trainers", each with a setting of its own: after three trials every always-active
        // point (a level) has been tried, yet each new trial is new through its child. The model keeps choosing.
        var space = TestFunction.PointSpace(
        [
            Dimension.Categorical("trainer", ["a", "b", "c"]),
            Dimension.Float("a.rate", 0, 1, condition: new DimensionCondition("trainer", [0])),
            Dimension.Float("b.rate", 0, 1, condition: new DimensionCondition("trainer", [1])),
            Dimension.Float("c.rate", 0, 1, condition: new DimensionCondition("trainer", [2])),
        ]);
        // b is best (0 at rate 0.3); a and c never get below 1.
        double Objective(double[] x) => x[0] switch
        {
            1 => Math.Abs(x[2] - 0.3),
            0 => 1 + x[1],
            _ => 1.5 + x[3],
        };

        var trials = SamplerHarness.Run(space, new GpSampler(seed: 3), Objective, 40);

        var modelled = trials.Skip(15).ToList();
        Assert.DoesNotContain(modelled, t => t.Strategy == "random");
        Assert.True(modelled.Count(t => t.Point[0] == 1) > modelled.Count / 2,
            $"b chosen {modelled.Count(t => t.Point[0] == 1)} of {modelled.Count} times");
    }

    [Fact]
    public void A_failed_point_is_never_proposed_again_even_from_a_nearby_input_of_a_wide_integer_range()
    {
        // The best lies towards few trees, where the model cannot be fitted (the trial fails, as a FastForest with too
        // few rows per leaf does): the GP, which learns nothing from failures, keeps being drawn to the same corner.
        var space = TestFunction.PointSpace(
        [
            Dimension.Int("trees", 20, 1000, log: true),
            Dimension.Int("leaf", 2, 100, log: true),
            Dimension.Float("fraction", 0.4, 1),
        ]);
        var study = Study.Create(space, new StudyOptions { Sampler = new GpSampler(seed: 5) });
        for (var n = 0; n < 40; n++)
        {
            var trial = study.Ask();
            var x = trial.Config;
            if (x[1] > 60)
            {
                study.Tell(trial, TrialState.Failed, "no split possible");
                continue;
            }

            study.Tell(trial, Math.Log(x[0]) - Math.Log(x[1]) * 0.5 + Math.Abs(x[2] - 0.5));
        }

        var points = study.Storage.ReadTrials(study.Name).Select(t => string.Join(",", t.Point)).ToList();
        Assert.Equal(points.Count, points.Distinct().Count());
    }

    [Fact]
    public void The_model_steers_away_from_where_the_objective_fails()
    {
        // The best values lie next to a region where the objective cannot be evaluated (x > 0.6 fails): a GP that
        // ignored failures kept proposing into it; counted at the worst value, they teach it to stay out.
        var space = TestFunction.PointSpace([Dimension.Float("x", 0, 1), Dimension.Float("y", 0, 1)]);
        var study = Study.Create(space, new StudyOptions { Sampler = new GpSampler(seed: 7) });
        var failed = 0;
        for (var n = 0; n < 40; n++)
        {
            var trial = study.Ask();
            var (x, y) = (trial.Config[0], trial.Config[1]);
            if (x > 0.6)
            {
                study.Tell(trial, TrialState.Failed, "cannot be evaluated here");
                failed += n >= 20 ? 1 : 0;
                continue;
            }

            study.Tell(trial, -x + Math.Abs(y - 0.5));
        }

        Assert.True(failed <= 4, $"{failed} of the last 20 trials failed");
    }
}
