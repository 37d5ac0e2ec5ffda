using Dials.Pruners;
using Dials.Samplers;
using Dials.Storage;
using Dials.Testing;

namespace Dials.Tuner.Tests;

/// <summary>Studies of several objectives and constraints: options, values, the front, selection and refusals.</summary>
public sealed class MultiObjectiveStudyTests
{
    private static readonly Direction[] MinMin = [Direction.Minimize, Direction.Minimize];

    private static Study<Toy> NewStudy(ISampler? sampler = null, IStudyStorage? storage = null, string? name = null) =>
        Study.Create(TestSpaces.Toy(), new StudyOptions { Directions = MinMin, Sampler = sampler ?? new RandomSampler(3), Storage = storage, Name = name });

    // Two conflicting objectives: X near 0 is good for the first, X near 2 for the second.
    private static double[] TwoObjectives(Toy toy) => [toy.X * toy.X + toy.N, (toy.X - 2) * (toy.X - 2) + toy.N];

    private static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        a.Zip(b).All(p => p.First <= p.Second) && a.Zip(b).Any(p => p.First < p.Second);

    [Fact]
    public async Task The_front_holds_exactly_the_feasible_complete_trials_no_other_dominates()
    {
        var result = await NewStudy().OptimizeAsync(toy =>
        {
            return TwoObjectives(toy);
        }, trials: 60);

        Assert.All(result.Trials, t =>
        {
            Assert.Equal(TrialState.Complete, t.State);
            Assert.Null(t.Value);
            Assert.Equal(2, t.Values!.Count);
        });
        var expected = result.Trials.Where(t => !result.Trials.Any(o => Dominates(o.Values!, t.Values!))).Select(t => t.Number);
        Assert.Equal(expected, result.ParetoFront.Select(t => t.Number));
        Assert.All(result.ParetoFront, p => Assert.Equal(TwoObjectives(p.Config), p.Values));
        Assert.Equal(MinMin, result.Directions);
    }

    [Fact]
    public async Task Best_on_a_multi_objective_study_is_an_error_pointing_to_the_front()
    {
        var result = await NewStudy().OptimizeAsync(TwoObjectives, trials: 5);

        Assert.False(result.HasBest);
        var error = Assert.Throws<InvalidOperationException>(() => result.Best);
        Assert.Contains("2 objectives", error.Message);
        Assert.Contains("ParetoFront", error.Message);
        Assert.Contains("Select", error.Message);
    }

    [Fact]
    public async Task The_wrong_number_of_values_or_a_NaN_fails_the_trial_with_the_reason()
    {
        var result = await NewStudy().OptimizeAsync((toy, trial, _) => ValueTask.FromResult<IReadOnlyList<double>>(trial.Number switch
        {
            0 => [1.0],
            1 => [1.0, 2, 3],
            2 => [1.0, double.NaN],
            3 => null!,
            _ => [1.0, 2],
        }), trials: 5);

        Assert.Equal("the objective returned 1 value for 2 objectives", result.Trials[0].FailReason);
        Assert.Equal("the objective returned 3 values for 2 objectives", result.Trials[1].FailReason);
        Assert.Equal("the objective returned NaN for objective 2", result.Trials[2].FailReason);
        Assert.Contains("no values", result.Trials[3].FailReason);
        Assert.All(result.Trials.Take(4), t => Assert.Equal(TrialState.Failed, t.State));
        Assert.Equal(TrialState.Complete, result.Trials[4].State);
        Assert.Equal([4], result.ParetoFront.Select(t => t.Number));
    }

    [Fact]
    public void Ask_and_tell_take_one_value_per_objective_and_fail_a_wrong_count()
    {
        var study = NewStudy();

        var good = study.Ask();
        good.SetConstraint("memory", -1);
        Assert.Equal(TrialState.Complete, study.Tell(good, [0.5, 2.0]));
        Assert.Equal(TrialState.Failed, study.Tell(study.Ask(), 0.5));
        Assert.Equal(TrialState.Failed, study.Tell(study.Ask(), [0.5, double.PositiveInfinity]));

        var result = study.GetResult();
        Assert.Equal([0.5, 2.0], result.Trials[0].Values);
        Assert.Equal([new ConstraintValue("memory", -1)], result.Trials[0].Constraints);
        Assert.Equal("the objective returned 1 value for 2 objectives", result.Trials[1].FailReason);
        Assert.Equal("the objective returned Infinity for objective 2", result.Trials[2].FailReason);
    }

    [Fact]
    public async Task A_single_value_objective_on_a_multi_objective_study_is_refused_before_any_trial()
    {
        var study = NewStudy();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => study.OptimizeAsync(TestSpaces.Bowl, trials: 3));

        Assert.Contains("2 objectives", error.Message);
        Assert.Contains("IReadOnlyList<double>", error.Message);
        Assert.Empty(study.GetResult().Trials);
    }

    [Fact]
    public void Direction_and_Directions_must_agree()
    {
        var error = Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Toy(),
            new StudyOptions { Direction = Direction.Maximize, Directions = MinMin }));
        Assert.Contains("StudyOptions.Direction (Maximize)", error.Message);
        Assert.Contains("StudyOptions.Directions (Minimize, Minimize)", error.Message);

        Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Toy(), new StudyOptions { Directions = [] }));
        Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Toy(), new StudyOptions { Directions = [Direction.Minimize, (Direction)7] }));

        var agreeing = Study.Create(TestSpaces.Toy(), new StudyOptions { Direction = Direction.Maximize, Directions = [Direction.Maximize] });
        Assert.False(agreeing.IsMultiObjective);
        var single = Study.Create(TestSpaces.Toy(), new StudyOptions { Directions = [Direction.Maximize] });
        Assert.Equal(Direction.Maximize, single.Direction);
        Assert.Equal([Direction.Maximize], single.Directions);
    }

    [Fact]
    public async Task A_single_direction_in_Directions_is_an_ordinary_study_that_also_takes_value_lists()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Directions = [Direction.Maximize], Sampler = new RandomSampler(2) });

        var result = await study.OptimizeAsync(toy => new[] { TestSpaces.Bowl(toy) }, trials: 10);

        Assert.All(result.Trials, t => Assert.Null(t.Values));
        Assert.Equal(result.Trials.Max(t => t.Value), result.Best.Value);
        Assert.Equal(result.Trials.Where(t => t.Value == result.Best.Value).Select(t => t.Number), result.ParetoFront.Select(t => t.Number));
    }

    [Fact]
    public async Task Random_QMC_grid_and_TPE_sample_a_multi_objective_study_and_auto_is_the_default()
    {
        foreach (var sampler in new ISampler[] { new QmcSampler(seed: 1), new GridSampler(floatPoints: 3), new TpeSampler(seed: 1, startupTrials: 3) })
        {
            var result = await NewStudy(sampler).OptimizeAsync(TwoObjectives, trials: 8);
            Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
            Assert.NotEmpty(result.ParetoFront);
        }

        var byDefault = Study.Create(TestSpaces.Toy(), new StudyOptions { Directions = MinMin });
        Assert.IsType<AutoSampler>(byDefault.Sampler);
        var trials = (await byDefault.OptimizeAsync(TwoObjectives, trials: 12)).Trials;
        Assert.All(trials, t => Assert.StartsWith("auto: several objectives: multi-objective TPE", t.StrategyReason));
    }

    [Fact]
    public void Other_samplers_and_any_pruner_refuse_a_multi_objective_study()
    {
        var sampler = Assert.Throws<ArgumentException>(() => NewStudy(new CmaEsSampler(seed: 1)));
        Assert.Contains("CmaEsSampler", sampler.Message);
        Assert.Contains("TpeSampler, NsgaIISampler, RandomSampler, QmcSampler or GridSampler", sampler.Message);
        Assert.NotNull(NewStudy(new AutoSampler(seed: 1)));

        var pruner = Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Toy(),
            new StudyOptions { Directions = MinMin, Pruner = new MedianPruner() }));
        Assert.Contains("MedianPruner", pruner.Message);
        Assert.Contains("2 objectives", pruner.Message);
        Assert.NotNull(Study.Create(TestSpaces.Toy(), new StudyOptions { Directions = MinMin, Pruner = new NopPruner() }));
    }

    [Fact]
    public async Task An_infeasible_trial_is_never_best_in_a_single_objective_study()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(5) });

        // The better half of the bowl is infeasible: the best must come from the rest.
        var result = await study.OptimizeAsync((toy, trial, _) =>
        {
            var value = TestSpaces.Bowl(toy);
            trial.SetConstraint("floor", 2 - value);
            return ValueTask.FromResult(value);
        }, trials: 40);

        var feasible = result.Trials.Where(t => t.Value >= 2).ToArray();
        Assert.NotEmpty(feasible);
        Assert.Contains(result.Trials, t => t.Value < 2);
        Assert.Equal(feasible.Min(t => t.Value), result.Best.Value);
        Assert.All(result.Trials, t => Assert.Equal([new ConstraintValue("floor", 2 - t.Value!.Value)], t.Constraints));
    }

    [Fact]
    public async Task Without_any_feasible_trial_there_is_no_best_and_the_message_says_why()
    {
        var result = await Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(5) })
            .OptimizeAsync((toy, trial, _) =>
            {
                trial.SetConstraint("never", 1);
                return ValueTask.FromResult(toy.X);
            }, trials: 3);

        Assert.False(result.HasBest);
        Assert.Contains("3 complete but infeasible", Assert.Throws<InvalidOperationException>(() => result.Best).Message);
        Assert.Empty(result.ParetoFront);
    }

    [Fact]
    public async Task An_infeasible_trial_is_never_on_the_front_and_constraints_survive_a_durable_storage()
    {
        var directory = Directory.CreateTempSubdirectory("dials-mo-");
        var path = Path.Combine(directory.FullName, "mo.jsonl");
        try
        {
            var result = await NewStudy(storage: new JournalStorage(path), name: "mo").OptimizeAsync((toy, trial, _) =>
            {
                // Latency at most 3: the second objective stands for it.
                var values = TwoObjectives(toy);
                trial.SetConstraint("latency", values[1] - 3);
                return ValueTask.FromResult<IReadOnlyList<double>>(values);
            }, trials: 60);

            var feasible = result.Trials.Where(t => t.IsFeasible).ToArray();
            Assert.NotEmpty(feasible);
            Assert.Contains(result.Trials, t => !t.IsFeasible);
            var expected = feasible.Where(t => !feasible.Any(o => Dominates(o.Values!, t.Values!))).Select(t => t.Number);
            Assert.Equal(expected, result.ParetoFront.Select(t => t.Number));
            Assert.All(result.ParetoFront, p => Assert.True(p.Values[1] <= 3));

            var reopened = NewStudy(storage: new JournalStorage(path), name: "mo").GetResult();
            Assert.Equal(result.ParetoFront.Select(t => t.Number), reopened.ParetoFront.Select(t => t.Number));
            Assert.Equal(result.Trials.Select(t => t.Constraints![0]), reopened.Trials.Select(t => t.Constraints![0]));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Select_picks_the_best_in_one_objective_under_a_rule_on_another()
    {
        var result = await NewStudy().OptimizeAsync(TwoObjectives, trials: 60);

        // A limit on the second objective that some, not all, of the front meets.
        var front = result.ParetoFront.Select(t => t.Values[1]).Order().ToArray();
        Assert.True(front.Length > 2);
        var limit = front[front.Length / 2];
        var chosen = result.Select(0, t => t.Values[1] <= limit);

        // The same answer as searching every trial, not just the front.
        var brute = result.Trials.Where(t => t.Values![1] <= limit).MinBy(t => t.Values![0])!;
        Assert.Equal(brute.Values![0], chosen.Values[0]);
        Assert.True(chosen.Values[1] <= limit);
        Assert.Contains(result.ParetoFront, t => t.Values[1] > limit);
        Assert.Equal(result.ParetoFront.MinBy(t => t.Values[1])!.Number, result.Select(1).Number);
        Assert.Contains("satisfies", Assert.Throws<InvalidOperationException>(() => result.Select(0, t => t.Values[1] < -1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Select(2));
    }

    [Fact]
    public void SetConstraint_refuses_NaN_a_blank_name_and_a_finished_trial_and_replaces_a_repeated_name()
    {
        var study = NewStudy();
        var trial = study.Ask();

        Assert.Throws<ArgumentException>(() => trial.SetConstraint("memory", double.NaN));
        Assert.Throws<ArgumentException>(() => trial.SetConstraint(" ", 0));
        trial.SetConstraint("memory", 3);
        trial.SetConstraint("latency", -1);
        trial.SetConstraint("memory", -2);
        Assert.Equal([new ConstraintValue("memory", -2), new ConstraintValue("latency", -1)], trial.Constraints);

        study.Tell(trial, [1.0, 1.0]);
        Assert.Throws<InvalidOperationException>(() => trial.SetConstraint("memory", 0));
        Assert.Equal([new ConstraintValue("memory", -2), new ConstraintValue("latency", -1)], study.GetResult().Trials[0].Constraints);
    }

    [Theory]
    [InlineData(new[] { Direction.Minimize, Direction.Maximize }, "[Minimize, Maximize]")]
    [InlineData(new[] { Direction.Maximize, Direction.Minimize, Direction.Minimize }, "[Maximize, Minimize, Minimize]")]
    [InlineData(new[] { Direction.Maximize }, "[Maximize]")]
    public void A_stored_study_with_other_directions_is_refused_naming_both(Direction[] code, string named)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dials-directions-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var first = new JournalStorage(path))
            {
                Study.Create(TestSpaces.Toy(), new StudyOptions { Name = "shared", Storage = first, Directions = [Direction.Maximize, Direction.Minimize] });
            }

            // Another process, reading the journal back, with code that declares other objectives.
            using var storage = new JournalStorage(path);
            var error = Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Toy(),
                new StudyOptions { Name = "shared", Storage = storage, Directions = code }));

            Assert.Contains("stored with directions [Maximize, Minimize]", error.Message);
            Assert.Contains($"the code gives {named}", error.Message);
            Assert.NotNull(Study.Create(TestSpaces.Toy(), new StudyOptions
            {
                Name = "shared", Storage = storage, LoadIfExists = true, Directions = [Direction.Maximize, Direction.Minimize],
            }));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
