using Dials.Samplers;
using Dials.Testing;

namespace Dials.Tuner.Tests;

public sealed class ParallelStudyTests
{
    [Fact]
    public async Task Parallelism_runs_that_many_synchronous_objectives_at_once()
    {
        // Each trial waits at a barrier for three others: only four concurrent trials let any of them pass.
        using var barrier = new Barrier(4);
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(1) });

        var result = await study.OptimizeAsync(toy => barrier.SignalAndWait(TimeSpan.FromMinutes(1)) ? toy.X : double.NaN,
            trials: 8, parallelism: 4);

        Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public async Task Every_outcome_is_recorded_exactly_once_under_parallel_failures()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(2) });
        var runs = new int[120];

        var result = await study.OptimizeAsync(async (toy, trial, _) =>
        {
            Interlocked.Increment(ref runs[trial.Number]);
            trial.Report(1, toy.X);
            switch (trial.Number % 4)
            {
                case 0:
                    throw new InvalidOperationException("broken");
                case 1:
                    return double.NaN;
                case 2:
                    throw new TrialPrunedException();
                default:
                    await Task.Yield();
                    return toy.X;
            }
        }, trials: 120, parallelism: 6);

        Assert.All(runs, r => Assert.Equal(1, r));
        Assert.Equal(Enumerable.Range(0, 120), result.Trials.Select(t => t.Number));
        Assert.All(result.Trials, t => Assert.Equal(
            (t.Number % 4) switch { 2 => TrialState.Pruned, 3 => TrialState.Complete, _ => TrialState.Failed },
            t.State));
        Assert.Equal(120, study.Storage.CountFinished(study.Name));
    }

    [Fact]
    public async Task Parallel_trials_past_their_time_limit_are_each_failed_once()
    {
        var clock = new ManualClock();
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(3), TimeProvider = clock });

        var result = await study.OptimizeAsync(async (_, _, token) =>
        {
            clock.Advance(TimeSpan.FromMinutes(2));
            await Task.Delay(Timeout.Infinite, token);
            return 0;
        }, trials: 24, parallelism: 4, trialTimeout: TimeSpan.FromMinutes(1));

        Assert.Equal(Enumerable.Range(0, 24), result.Trials.Select(t => t.Number));
        Assert.All(result.Trials, t => Assert.Contains("time limit", t.FailReason));
        Assert.Equal(24, study.Storage.CountFinished(study.Name));
    }
}
