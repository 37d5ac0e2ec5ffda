using Dials.Samplers;
using Dials.Storage;
using Dials.Testing;

namespace Dials.Tuner.Tests;

public sealed class StudyTests
{
    private static Study<Toy> NewStudy(Direction direction = Direction.Minimize, int seed = 7) =>
        Study.Create(TestSpaces.Toy(), new StudyOptions { Direction = direction, Sampler = new RandomSampler(seed) });

    [Fact]
    public async Task Optimize_runs_the_budget_and_reports_the_best_complete_trial()
    {
        var result = await NewStudy().OptimizeAsync(TestSpaces.Bowl, trials: 40);

        Assert.Equal(40, result.Trials.Count);
        Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        var best = result.Trials.MinBy(t => t.Value)!;
        Assert.Equal(best.Number, result.Best.Number);
        Assert.Equal(best.Value, result.Best.Value);
        Assert.Equal(TestSpaces.Bowl(result.Best.Config), result.Best.Value);
        Assert.Equal(result.Best.Config.X, (double)result.Best.Parameters["X"]);
    }

    [Fact]
    public async Task Maximize_picks_the_largest_value()
    {
        var result = await NewStudy(Direction.Maximize).OptimizeAsync(TestSpaces.Bowl, trials: 20);

        Assert.Equal(result.Trials.Max(t => t.Value), result.Best.Value);
    }

    [Fact]
    public async Task Trials_is_the_total_budget_not_an_increment()
    {
        var study = NewStudy();
        await study.OptimizeAsync(TestSpaces.Bowl, trials: 10);
        var again = await study.OptimizeAsync(TestSpaces.Bowl, trials: 10);
        var more = await study.OptimizeAsync(TestSpaces.Bowl, trials: 15);

        Assert.Equal(10, again.Trials.Count);
        Assert.Equal(15, more.Trials.Count);
        Assert.Equal(Enumerable.Range(0, 15), more.Trials.Select(t => t.Number));
    }

    [Fact]
    public async Task Enqueued_configurations_run_first_in_order()
    {
        var study = NewStudy();
        study.Enqueue(new Toy(1, 3, "b"));
        study.Enqueue(new Toy(-2, 9, "a"));

        var result = await study.OptimizeAsync(TestSpaces.Bowl, trials: 5);

        Assert.Equal(new Toy(1, 3, "b"), Decode(study, result.Trials[0]));
        Assert.Equal(new Toy(-2, 9, "a"), Decode(study, result.Trials[1]));
        Assert.Equal(0, result.Best.Value);
        Assert.Equal(0, result.Best.Number);
    }

    [Fact]
    public void Enqueue_refuses_a_configuration_outside_the_space_naming_the_property()
    {
        var error = Assert.Throws<ArgumentException>(() => NewStudy().Enqueue(new Toy(7, 3, "b")));

        Assert.Contains("X = 7", error.Message);
    }

    [Fact]
    public void Ask_and_tell_record_a_trial_with_its_config_and_value()
    {
        var study = NewStudy();
        var trial = study.Ask();
        trial.Report(1, 5.0);
        var state = study.Tell(trial, TestSpaces.Bowl(trial.Config));

        var recorded = Assert.Single(study.GetResult().Trials);
        Assert.Equal(TrialState.Complete, state);
        Assert.Equal(0, recorded.Number);
        Assert.Equal(TestSpaces.Bowl(trial.Config), recorded.Value);
        Assert.Equal([new IntermediateValue(1, 5.0)], recorded.Intermediate);
        Assert.Equal(trial.Config.Kind, recorded.Parameters["Kind"]);
        Assert.NotNull(recorded.Duration);
    }

    [Fact]
    public void Telling_a_trial_twice_is_a_clear_error()
    {
        var study = NewStudy();
        var trial = study.Ask();
        study.Tell(trial, 1.0);

        var error = Assert.Throws<InvalidOperationException>(() => study.Tell(trial, TrialState.Failed));

        Assert.Contains("already told", error.Message);
        Assert.Contains("Complete", error.Message);
        Assert.Equal(1.0, study.GetResult().Trials[0].Value);
    }

    [Fact]
    public void Telling_a_trial_of_another_study_is_refused()
    {
        var trial = NewStudy().Ask();

        Assert.Throws<ArgumentException>(() => NewStudy().Tell(trial, 1.0));
    }

    [Fact]
    public void Telling_complete_without_a_value_is_refused()
    {
        var study = NewStudy();

        var error = Assert.Throws<ArgumentException>(() => study.Tell(study.Ask(), TrialState.Complete));

        Assert.Equal("state", error.ParamName);
    }

    [Fact]
    public void Telling_NaN_records_a_failure_with_the_reason()
    {
        var study = NewStudy();

        var state = study.Tell(study.Ask(), double.NaN);

        Assert.Equal(TrialState.Failed, state);
        Assert.Contains("NaN", study.GetResult().Trials[0].FailReason);
    }

    [Fact]
    public void A_finished_trial_refuses_reports()
    {
        var study = NewStudy();
        var trial = study.Ask();
        study.Tell(trial, TrialState.Pruned);

        Assert.Throws<InvalidOperationException>(() => trial.Report(1, 1));
        Assert.False(trial.ShouldPrune);
    }

    [Fact]
    public void Reports_need_growing_steps()
    {
        var trial = NewStudy().Ask();
        trial.Report(3, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => trial.Report(3, 2));
        Assert.Single(trial.Intermediate);
    }

    [Fact]
    public async Task Failures_are_recorded_with_reasons_and_the_study_goes_on()
    {
        var result = await NewStudy().OptimizeAsync(toy => toy.N switch
        {
            <= 3 => throw new InvalidOperationException("diverged"),
            <= 5 => double.PositiveInfinity,
            _ => toy.X,
        }, trials: 30);

        Assert.Equal(30, result.Trials.Count);
        Assert.Contains(result.Trials, t => t.State == TrialState.Failed && t.FailReason!.Contains("InvalidOperationException: diverged"));
        Assert.Contains(result.Trials, t => t.State == TrialState.Failed && t.FailReason!.Contains("Infinity"));
        Assert.All(result.Trials.Where(t => t.State == TrialState.Complete), t => Assert.True((long)t.Parameters["N"] > 5));
        Assert.True(result.HasBest);
    }

    [Fact]
    public async Task No_best_is_a_clear_error_saying_why()
    {
        var result = await NewStudy().OptimizeAsync(_ => double.NaN, trials: 3);

        var error = Assert.Throws<InvalidOperationException>(() => result.Best);
        Assert.False(result.HasBest);
        Assert.Contains("3 failed", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public async Task An_objective_that_outlives_its_time_limit_is_failed_and_the_study_goes_on()
    {
        var clock = new ManualClock();
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(7), TimeProvider = clock });

        var result = await study.OptimizeAsync(async (toy, trial, token) =>
        {
            if (trial.Number == 1)
            {
                clock.Advance(TimeSpan.FromMinutes(2));
                await Task.Delay(Timeout.Infinite, token);
            }

            return toy.X;
        }, trials: 4, trialTimeout: TimeSpan.FromMinutes(1));

        Assert.Equal([TrialState.Complete, TrialState.Failed, TrialState.Complete, TrialState.Complete],
            result.Trials.Select(t => t.State));
        Assert.Contains("time limit of 00:01:00", result.Trials[1].FailReason);
    }

    [Fact]
    public async Task An_objective_that_ignores_its_token_is_still_failed_at_its_time_limit()
    {
        var clock = new ManualClock();
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(7), TimeProvider = clock });
        using var release = new ManualResetEventSlim();

        var result = await study.OptimizeAsync((toy, trial, _) =>
        {
            if (trial.Number == 0)
            {
                clock.Advance(TimeSpan.FromMinutes(2));
                release.Wait();
            }

            return ValueTask.FromResult(toy.X);
        }, trials: 2, trialTimeout: TimeSpan.FromMinutes(1));
        release.Set();

        Assert.Equal([TrialState.Failed, TrialState.Complete], result.Trials.Select(t => t.State));
    }

    [Fact]
    public async Task Cancellation_fails_the_running_trial_throws_and_keeps_finished_trials()
    {
        var study = NewStudy();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => study.OptimizeAsync(async (toy, trial, token) =>
        {
            if (trial.Number == 3)
            {
                await cancel.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
            }

            return toy.X;
        }, trials: 100, cancellationToken: cancel.Token));

        var trials = study.GetResult().Trials;
        Assert.Equal(4, trials.Count);
        Assert.All(trials.Take(3), t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(TrialState.Failed, trials[3].State);
        Assert.Contains("cancelled", trials[3].FailReason);
    }

    [Fact]
    public async Task Cancelling_during_a_synchronous_trial_keeps_its_result_and_starts_no_more()
    {
        var study = NewStudy();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => study.OptimizeAsync(toy =>
        {
            if (toy.N > 0 && study.GetResult().Trials.Count == 3)
            {
                cancel.Cancel();
            }

            return toy.X;
        }, trials: 100, cancellationToken: cancel.Token));

        var trials = study.GetResult().Trials;
        Assert.Equal(3, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public async Task Pruned_exception_ends_the_trial_as_pruned()
    {
        var result = await NewStudy().OptimizeAsync((toy, trial, _) =>
        {
            trial.Report(0, toy.X);
            return toy.X > 0 ? throw new TrialPrunedException() : ValueTask.FromResult(toy.X);
        }, trials: 20);

        Assert.All(result.Trials, t => Assert.Equal((double)t.Parameters["X"] > 0 ? TrialState.Pruned : TrialState.Complete, t.State));
        Assert.Contains(result.Trials, t => t.State == TrialState.Pruned);
    }

    [Fact]
    public async Task A_seeded_sequential_study_replays_exactly()
    {
        var first = await NewStudy(seed: 3).OptimizeAsync(TestSpaces.Bowl, trials: 25);
        var second = await NewStudy(seed: 3).OptimizeAsync(TestSpaces.Bowl, trials: 25);
        var other = await NewStudy(seed: 4).OptimizeAsync(TestSpaces.Bowl, trials: 25);

        Assert.Equal(first.Trials.Select(t => t.Value), second.Trials.Select(t => t.Value));
        Assert.NotEqual(first.Trials.Select(t => t.Value), other.Trials.Select(t => t.Value));
    }

    [Fact]
    public async Task Parallel_workers_record_every_trial_exactly_once_with_gap_free_numbers()
    {
        var evaluated = new System.Collections.Concurrent.ConcurrentBag<int>();
        var result = await NewStudy().OptimizeAsync(async (toy, trial, _) =>
        {
            evaluated.Add(trial.Number);
            await Task.Yield();
            return toy.X;
        }, trials: 200, parallelism: 8);

        Assert.Equal(Enumerable.Range(0, 200), result.Trials.Select(t => t.Number));
        Assert.Equal(Enumerable.Range(0, 200), evaluated.Order());
        Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public async Task Running_trials_are_shown_to_the_sampler()
    {
        var sampler = new RecordingSampler(new RandomSampler(1));
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = sampler });
        using var gate = new SemaphoreSlim(0);
        var run = study.OptimizeAsync(async (toy, trial, _) =>
        {
            if (trial.Number < 2)
            {
                await gate.WaitAsync();
            }

            return toy.X;
        }, trials: 3, parallelism: 3);
        while (sampler.Contexts.Count < 3)
        {
            await Task.Delay(1);
        }

        gate.Release(2);
        await run;

        var third = sampler.Contexts.Single(c => c.TrialNumber == 2);
        Assert.Equal([0, 1], third.Trials.Select(t => t.Number));
        Assert.All(third.Trials, t => Assert.Equal(TrialState.Running, t.State));
        Assert.All(third.Trials, t => Assert.Equal(3, t.Point.Count));
    }

    [Fact]
    public async Task Several_study_objects_on_one_storage_share_the_budget_and_the_numbers()
    {
        var storage = new InMemoryStorage();
        var options = new StudyOptions { Name = "shared", Storage = storage, Sampler = new RandomSampler(1) };
        var workers = Enumerable.Range(0, 4)
            .Select(_ => Study.Create(TestSpaces.Toy(), options).OptimizeAsync(async (toy, _, _) =>
            {
                await Task.Yield();
                return toy.X;
            }, trials: 50, parallelism: 2))
            .ToArray();

        var results = await Task.WhenAll(workers);

        Assert.Equal(50, storage.CountFinished("shared"));
        Assert.Equal(Enumerable.Range(0, 50), storage.ReadTrials("shared").Select(t => t.Number));
        Assert.All(results, r => Assert.Equal(50, r.Trials.Count));
    }

    [Fact]
    public async Task A_worker_joining_a_finished_study_returns_at_once_with_the_full_result()
    {
        var storage = new InMemoryStorage();
        var options = new StudyOptions { Name = "done", Storage = storage };
        await Study.Create(TestSpaces.Toy(), options).OptimizeAsync(TestSpaces.Bowl, trials: 12);
        var calls = 0;

        var result = await Study.Create(TestSpaces.Toy(), options).OptimizeAsync(toy => ++calls, trials: 12);

        Assert.Equal(0, calls);
        Assert.Equal(12, result.Trials.Count);
    }

    [Fact]
    public void Joining_a_stored_study_with_another_space_names_the_differences()
    {
        var storage = new InMemoryStorage();
        Study.Create(TestSpaces.Toy(), new StudyOptions { Name = "s", Storage = storage });

        var error = Assert.Throws<ArgumentException>(() =>
            Study.Create(TestSpaces.Mixed(), new StudyOptions { Name = "s", Storage = storage }));

        Assert.Contains("'Optimizer' is new", error.Message);
        Assert.Contains("'X' is gone", error.Message);
    }

    [Fact]
    public void Joining_a_stored_study_with_another_direction_or_refusing_to_load_are_errors()
    {
        var storage = new InMemoryStorage();
        Study.Create(TestSpaces.Toy(), new StudyOptions { Name = "s", Storage = storage });

        Assert.Throws<ArgumentException>(() =>
            Study.Create(TestSpaces.Toy(), new StudyOptions { Name = "s", Storage = storage, Direction = Direction.Maximize }));
        Assert.Throws<InvalidOperationException>(() =>
            Study.Create(TestSpaces.Toy(), new StudyOptions { Name = "s", Storage = storage, LoadIfExists = false }));
    }

    [Fact]
    public void Bad_options_and_arguments_name_the_offender()
    {
        Assert.Contains("Name", Assert.Throws<ArgumentException>(() =>
            Study.Create(TestSpaces.Toy(), new StudyOptions { Name = " " })).Message);
        var study = NewStudy();
        Assert.Equal("parallelism", Assert.Throws<ArgumentOutOfRangeException>(() =>
            study.OptimizeAsync(TestSpaces.Bowl, trials: 1, parallelism: 0).GetAwaiter().GetResult()).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() =>
            study.OptimizeAsync(TestSpaces.Bowl, trials: -1).GetAwaiter().GetResult()).ParamName);
    }

    private static Toy Decode(Study<Toy> study, TrialResult trial) =>
        study.Space.Decode(study.Space.FromValues(trial.Parameters.ToDictionary(p => p.Key, p => (object?)p.Value)));

    private sealed class RecordingSampler(ISampler inner) : ISampler
    {
        public System.Collections.Concurrent.ConcurrentQueue<SamplingContext> Contexts { get; } = new();

        public double[] Sample(SamplingContext context)
        {
            Contexts.Enqueue(context);
            return inner.Sample(context);
        }
    }
}
