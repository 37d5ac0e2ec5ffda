using Dials.Storage;

namespace Dials.Tuner.Tests;

/// <summary>
/// What every <see cref="IStudyStorage"/> must do, written once: a back end's test class derives from this and
/// supplies a fresh storage. Durable back ends (journal file, SQLite, PostgreSQL) reuse it unchanged.
/// </summary>
public abstract class StudyStorageContract
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, empty storage.</summary>
    protected abstract IStudyStorage CreateStorage();

    private IStudyStorage WithStudy(string name = "s")
    {
        var storage = CreateStorage();
        storage.CreateStudy(new StoredStudy(name, Direction.Minimize, "x: float in [0, 1]"), loadIfExists: false);
        return storage;
    }

    [Fact]
    public void A_created_study_is_returned_when_loaded_and_refused_when_loading_is_off()
    {
        var storage = CreateStorage();
        var study = new StoredStudy("s", Direction.Maximize, "x: float in [0, 1]");
        storage.CreateStudy(study, loadIfExists: false);

        Assert.Equal(study, storage.CreateStudy(study with { Direction = Direction.Minimize }, loadIfExists: true));
        Assert.Throws<InvalidOperationException>(() => storage.CreateStudy(study, loadIfExists: false));
    }

    [Fact]
    public void Numbers_are_allocated_from_zero_and_trials_start_running_without_a_point()
    {
        var storage = WithStudy();

        var first = storage.CreateTrial("s", Start, limit: null, queuedOnly: false)!;
        var second = storage.CreateTrial("s", Start, limit: null, queuedOnly: false)!;

        Assert.Equal([0, 1], new[] { first.Number, second.Number });
        Assert.Null(first.QueuedPoint);
        var trial = storage.ReadTrials("s")[0];
        Assert.Equal(TrialState.Running, trial.State);
        Assert.Empty(trial.Point);
        Assert.Equal(Start, trial.Start);
    }

    [Fact]
    public void Queued_points_are_handed_out_first_oldest_first()
    {
        var storage = WithStudy();
        storage.Enqueue("s", [0.25]);
        storage.Enqueue("s", [0.75]);

        var trials = Enumerable.Range(0, 3).Select(_ => storage.CreateTrial("s", Start, null, queuedOnly: false)!).ToArray();

        Assert.Equal([0.25], trials[0].QueuedPoint!);
        Assert.Equal([0.75], trials[1].QueuedPoint!);
        Assert.Null(trials[2].QueuedPoint);
        Assert.Equal([0.25], storage.ReadTrials("s")[0].Point);
    }

    [Fact]
    public void Queued_only_creates_nothing_when_the_queue_is_empty()
    {
        var storage = WithStudy();

        Assert.Null(storage.CreateTrial("s", Start, null, queuedOnly: true));
        storage.Enqueue("s", [0.5]);
        Assert.Equal(0, storage.CreateTrial("s", Start, null, queuedOnly: true)!.Number);
    }

    [Fact]
    public void The_limit_counts_every_trial_of_any_state()
    {
        var storage = WithStudy();
        storage.CreateTrial("s", Start, 2, false);
        storage.FinishTrial("s", 0, TrialState.Failed, null, TimeSpan.Zero, "boom");
        storage.CreateTrial("s", Start, 2, false);

        Assert.Null(storage.CreateTrial("s", Start, 2, false));
        Assert.NotNull(storage.CreateTrial("s", Start, 3, false));
    }

    [Fact]
    public void A_trial_is_finished_exactly_once()
    {
        var storage = WithStudy();
        storage.CreateTrial("s", Start, null, false);
        storage.SetTrialPoint("s", 0, [0.5]);

        Assert.True(storage.FinishTrial("s", 0, TrialState.Complete, 1.5, TimeSpan.FromSeconds(2), null));
        Assert.False(storage.FinishTrial("s", 0, TrialState.Failed, null, TimeSpan.Zero, "late"));

        var trial = storage.ReadTrials("s")[0];
        Assert.Equal((TrialState.Complete, 1.5, TimeSpan.FromSeconds(2)), (trial.State, trial.Value!.Value, trial.Duration!.Value));
        Assert.Equal(1, storage.CountFinished("s"));
    }

    [Fact]
    public void A_finished_trial_takes_no_more_reports_or_points()
    {
        var storage = WithStudy();
        storage.CreateTrial("s", Start, null, false);
        storage.FinishTrial("s", 0, TrialState.Pruned, null, TimeSpan.Zero, null);

        Assert.Throws<InvalidOperationException>(() => storage.ReportIntermediate("s", 0, new IntermediateValue(1, 1)));
        Assert.Throws<InvalidOperationException>(() => storage.SetTrialPoint("s", 0, [0.5]));
    }

    [Fact]
    public void Intermediate_values_keep_their_order_and_steps_must_grow()
    {
        var storage = WithStudy();
        storage.CreateTrial("s", Start, null, false);
        storage.ReportIntermediate("s", 0, new IntermediateValue(1, 0.9));
        storage.ReportIntermediate("s", 0, new IntermediateValue(5, 0.4));

        Assert.Throws<ArgumentException>(() => storage.ReportIntermediate("s", 0, new IntermediateValue(5, 0.3)));
        Assert.Equal([new IntermediateValue(1, 0.9), new IntermediateValue(5, 0.4)], storage.ReadTrials("s")[0].Intermediate);
    }

    [Fact]
    public void A_point_is_set_once()
    {
        var storage = WithStudy();
        storage.CreateTrial("s", Start, null, false);
        storage.SetTrialPoint("s", 0, [0.5]);

        Assert.Throws<InvalidOperationException>(() => storage.SetTrialPoint("s", 0, [0.6]));
        Assert.Equal([0.5], storage.ReadTrials("s")[0].Point);
    }

    [Fact]
    public void Unknown_studies_and_trials_are_errors()
    {
        var storage = WithStudy();

        Assert.Throws<InvalidOperationException>(() => storage.ReadTrials("other"));
        Assert.Throws<InvalidOperationException>(() => storage.FinishTrial("s", 3, TrialState.Failed, null, TimeSpan.Zero, null));
    }

    [Fact]
    public void Studies_are_kept_apart()
    {
        var storage = WithStudy("a");
        storage.CreateStudy(new StoredStudy("b", Direction.Minimize, ""), loadIfExists: false);
        storage.CreateTrial("a", Start, null, false);

        Assert.Equal(0, storage.CreateTrial("b", Start, null, false)!.Number);
        Assert.Single(storage.ReadTrials("a"));
    }

    [Fact]
    public async Task Concurrent_workers_get_unique_gap_free_numbers_within_the_limit_and_finish_each_trial_once()
    {
        var storage = WithStudy();
        var finishes = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            while (storage.CreateTrial("s", Start, limit: 500, queuedOnly: false) is { } trial)
            {
                storage.SetTrialPoint("s", trial.Number, [0.5]);
                storage.ReportIntermediate("s", trial.Number, new IntermediateValue(1, trial.Number));
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    if (storage.FinishTrial("s", trial.Number, TrialState.Complete, trial.Number, TimeSpan.Zero, null))
                    {
                        Interlocked.Increment(ref finishes);
                    }
                }
            }
        })));

        var trials = storage.ReadTrials("s");
        Assert.Equal(Enumerable.Range(0, 500), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(t.Number, t.Value));
        Assert.Equal(500, finishes);
        Assert.Equal(500, storage.CountFinished("s"));
    }
}
