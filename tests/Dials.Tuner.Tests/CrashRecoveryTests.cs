using Dials.Samplers;
using Dials.Storage;

namespace Dials.Tuner.Tests;

/// <summary>With no liveness settings at all, a study on a durable storage finds a dead worker's trial, fails it,
/// runs its point again and still finishes its whole budget. (Real killed processes: Dials.Storage.Tests.MultiProcessTests.)</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-crash-").FullName;

    [Fact]
    public async Task A_rerun_on_a_journal_with_default_options_recovers_the_dead_trial_and_completes_the_budget()
    {
        var clock = new ManualClock();
        var journal = Path.Combine(directory, "study.jsonl");
        var options = new StudyOptions { Name = "crash", TimeProvider = clock, Sampler = new RandomSampler(1) };

        // The crashed run: a trial left Running by a worker that no longer beats (heartbeats explicitly off here,
        // standing in for a killed process).
        var crashed = Study.Create(TestSpaces.Toy(), options with { Storage = new JournalStorage(journal), HeartbeatInterval = Timeout.InfiniteTimeSpan });
        var dead = crashed.Ask();
        clock.Advance(TimeSpan.FromSeconds(41)); // Past the default: four 10-second heartbeat intervals.

        var rerun = Study.Create(TestSpaces.Toy(), options with { Storage = new JournalStorage(journal) });
        var result = await rerun.OptimizeAsync(TestSpaces.Bowl, trials: 4);

        Assert.Equal(4, result.Trials.Count(t => t.State == TrialState.Complete));
        Assert.Equal(5, result.Trials.Count);
        Assert.Equal(TrialState.Failed, result.Trials[dead.Number].State);
        Assert.Contains("no heartbeat for 00:00:40", result.Trials[dead.Number].FailReason);
        Assert.Equal(dead.Parameters, result.Trials[1].Parameters); // Retried once, first.
    }

    [Fact]
    public async Task A_study_in_memory_sends_no_heartbeats_by_default()
    {
        var clock = new ManualClock();
        var storage = new InMemoryStorage();
        var options = new StudyOptions { Name = "memory", Storage = storage, TimeProvider = clock, Sampler = new RandomSampler(1) };
        var first = Study.Create(TestSpaces.Toy(), options);
        var asked = first.Ask();
        clock.Advance(TimeSpan.FromHours(1));

        var result = await Study.Create(TestSpaces.Toy(), options).OptimizeAsync(TestSpaces.Bowl, trials: 3);

        Assert.Equal(TrialState.Running, result.Trials[asked.Number].State); // Its owner (this process) may still tell it.
        Assert.Equal(3, result.Trials.Count);
    }

    [Fact]
    public void A_trial_asked_on_a_durable_storage_beats_until_it_is_told()
    {
        var clock = new ManualClock();
        var journal = Path.Combine(directory, "beats.jsonl");
        var options = new StudyOptions { Name = "beats", TimeProvider = clock, Sampler = new RandomSampler(1) };
        var study = Study.Create(TestSpaces.Toy(), options with { Storage = new JournalStorage(journal) });
        var slow = study.Ask();
        for (var i = 0; i < 12; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(10)); // Two minutes in heartbeat steps: it stays alive.
        }

        var next = study.Ask();

        Assert.Equal(TrialState.Running, study.GetResult().Trials[slow.Number].State);
        Assert.Equal(TrialState.Complete, study.Tell(slow, 1.0));
        study.Tell(next, 2.0);
    }

    [Fact]
    public async Task A_worker_stops_waiting_for_a_live_trial_another_study_object_asked_and_never_told()
    {
        var clock = new ManualClock();
        var journal = Path.Combine(directory, "abandoned.jsonl");
        var options = new StudyOptions { Name = "abandoned", TimeProvider = clock, Sampler = new RandomSampler(1) };
        var asker = Study.Create(TestSpaces.Toy(), options with { Storage = new JournalStorage(journal) });
        var abandoned = asker.Ask(); // Beats as long as its study object lives: never stale, never told.

        var worker = Study.Create(TestSpaces.Toy(), options with { Storage = new JournalStorage(journal) });
        var run = worker.OptimizeAsync(TestSpaces.Bowl, trials: 3);
        for (var second = 0; second < 120 && !run.IsCompleted; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(run, Task.Delay(20));
        }

        Assert.True(run.IsCompleted, "the worker still waits for a trial whose worker is alive");
        var result = await run;
        Assert.Equal(TrialState.Running, result.Trials[abandoned.Number].State);
        Assert.Equal(2, result.Trials.Count(t => t.State == TrialState.Complete));
        asker.Tell(abandoned, 1.0);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
