using Dials.Storage;

namespace Dials.Storage.Tests;

/// <summary>
/// What every storage back end must do, run against each of them: derive, create a fresh storage in
/// <see cref="CreateStorage"/> and, for durable ones, open a second handle on the same data in <see cref="Reopen"/>.
/// </summary>
public abstract partial class StorageContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, empty storage.</summary>
    protected abstract IStudyStorage CreateStorage();

    /// <summary>Another handle on the same data (another process would open it so); the same object when not durable.</summary>
    protected abstract IStudyStorage Reopen(IStudyStorage storage);

    private static StoredStudy Study(string name = "s") => new(name, Direction.Minimize, "x: float in [0, 1]");

    /// <summary>The storage's heartbeats: every back end of Dials keeps them.</summary>
    private static IHeartbeatStorage Heartbeats(IStudyStorage storage) => Assert.IsAssignableFrom<IHeartbeatStorage>(storage);

    [Fact]
    public void A_study_is_created_once_then_loaded_or_refused()
    {
        var storage = CreateStorage();
        Assert.Equal(Study(), storage.CreateStudy(Study(), loadIfExists: false));
        var other = Study() with { Direction = Direction.Maximize };

        Assert.Equal(Study(), Reopen(storage).CreateStudy(other, loadIfExists: true));
        Assert.Throws<InvalidOperationException>(() => Reopen(storage).CreateStudy(other, loadIfExists: false));
    }

    [Fact]
    public void Trials_are_numbered_from_zero_and_queued_points_come_first()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        storage.Enqueue("s", [0.25], null);
        storage.Enqueue("s", [0.75], null);

        var first = storage.CreateTrial("s", T0, null)!;
        var second = Reopen(storage).CreateTrial("s", T0, null)!;
        Assert.Equal((0, 1), (first.Number, second.Number));
        Assert.Equal([0.25], first.QueuedPoint!);
        Assert.Equal([0.75], second.QueuedPoint!);
        var third = storage.CreateTrial("s", T0, null)!;
        Assert.Equal(2, third.Number);
        Assert.Null(third.QueuedPoint);
        Assert.Null(storage.CreateQueuedTrial("s", T0, null));
        Assert.Null(storage.CreateTrial("s", T0, limit: 3));
    }

    [Fact]
    public void A_queued_trial_is_created_only_for_a_queued_point_and_within_the_limit()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        storage.Enqueue("s", [0.25], "the defaults");
        storage.Enqueue("s", [0.75], null);
        storage.Enqueue("s", [0.5], null);

        var queued = Reopen(storage).CreateQueuedTrial("s", T0, null)!;
        var plain = storage.CreateTrial("s", T0, limit: 3)!;
        Assert.Null(storage.CreateQueuedTrial("s", T0, limit: 2));

        Assert.Equal((0, "the defaults"), (queued.Number, queued.QueuedReason));
        Assert.Equal([0.25], queued.QueuedPoint!);
        Assert.Equal([0.75], plain.QueuedPoint!);
        Assert.Equal([0.5], storage.CreateQueuedTrial("s", T0, limit: 3)!.QueuedPoint!);
        Assert.Null(Reopen(storage).CreateQueuedTrial("s", T0, null));
        Assert.Equal(3, Reopen(storage).ReadTrials("s").Count);
        Assert.All(storage.ReadTrials("s"), t => Assert.Equal(TrialRecord.QueuedStrategy, t.Strategy));
    }

    [Fact]
    public void A_trial_keeps_its_point_reports_and_result_exactly()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        var number = storage.CreateTrial("s", T0, null)!.Number;
        storage.SetTrialPoint("s", number, [0.5, double.NaN, 3], "random", null);
        storage.ReportIntermediate("s", number, new IntermediateValue(1, 0.9));
        storage.ReportIntermediate("s", number, new IntermediateValue(5, 0.4));
        Assert.True(storage.FinishTrial("s", number, TrialState.Complete, 0.125, TimeSpan.FromSeconds(2.5), null));

        var trial = Assert.Single(Reopen(storage).ReadTrials("s"));
        Assert.Equal((0, TrialState.Complete, 0.125), (trial.Number, trial.State, trial.Value));
        Assert.Equal([0.5, double.NaN, 3], trial.Point);
        Assert.Equal([new IntermediateValue(1, 0.9), new IntermediateValue(5, 0.4)], trial.Intermediate);
        Assert.Equal(T0, trial.Start);
        Assert.Equal(TimeSpan.FromSeconds(2.5), trial.Duration);
        Assert.Equal(1, Reopen(storage).ReadTrials("s").Count(t => t.IsFinished));
    }

    [Fact]
    public void A_trial_keeps_its_objective_values_and_constraints_bit_for_bit()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        // Doubles that a decimal or single-precision round trip would change, and values a study would refuse later:
        // the storage keeps what it is given.
        double[] values = [0.1 + 0.2, -0.0, double.Epsilon, double.MaxValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0 / 3];
        ConstraintValue[] constraints = [new("latency", -0.0), new("memory", 2.5e-310), new("latency", double.NaN), new("cost \"€\"", -1.0 / 3)];
        for (var i = 0; i < 4; i++)
        {
            storage.CreateTrial("s", T0, null);
            storage.SetTrialPoint("s", i, [0.5], "random", null);
        }

        Assert.True(storage.FinishTrial("s", 0, TrialState.Complete, 0.3, TimeSpan.FromSeconds(1), null, values, constraints));
        Assert.True(storage.FinishTrial("s", 1, TrialState.Complete, 0.5, TimeSpan.FromSeconds(1), null));
        Assert.True(storage.FinishTrial("s", 2, TrialState.Failed, null, TimeSpan.FromSeconds(1), "one value is NaN", [double.NaN], []));
        Assert.True(storage.FinishTrial("s", 3, TrialState.Pruned, null, TimeSpan.FromSeconds(1), null, [], null));

        foreach (var reader in new[] { storage, Reopen(storage) })
        {
            var trials = reader.ReadTrials("s");
            Assert.Equal(values.Select(Bits), trials[0].Values!.Select(Bits));
            Assert.Equal(constraints.Select(c => (c.Name, Bits(c.Value))), trials[0].Constraints!.Select(c => (c.Name, Bits(c.Value))));
            Assert.Equal(0.3, trials[0].Value);

            // A trial finished with a value only keeps no vector; its objective values are [Value].
            Assert.Equal((null, null), (trials[1].Values, trials[1].Constraints));
            Assert.Equal([0.5], trials[1].ObjectiveValues);

            // An empty list is kept as empty, apart from none at all.
            Assert.Equal([Bits(double.NaN)], trials[2].Values!.Select(Bits));
            Assert.Empty(trials[2].Constraints!);
            Assert.Equal((0, null), (trials[3].Values!.Count, trials[3].Constraints));
            Assert.Empty(trials[3].ObjectiveValues);
        }
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    [Fact]
    public void A_trial_keeps_its_processor_time_to_the_tick()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        storage.CreateTrial("s", T0, null);
        storage.CreateTrial("s", T0, null);
        storage.FinishTrial("s", 0, TrialState.Complete, 1, TimeSpan.FromSeconds(2), null, cpuTime: TimeSpan.FromTicks(12_345_678_901));
        storage.FinishTrial("s", 1, TrialState.Failed, null, TimeSpan.FromSeconds(2), "no measurement");

        Assert.Equal([TimeSpan.FromTicks(12_345_678_901), null], Reopen(storage).ReadTrials("s").Select(t => t.CpuTime));
    }

    [Fact]
    public void A_trial_keeps_the_strategy_that_chose_it_and_why()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        storage.Enqueue("s", [0.25], "the defaults");
        storage.Enqueue("s", [0.75], null);
        var first = storage.CreateTrial("s", T0, null)!;
        var second = Reopen(storage).CreateTrial("s", T0, null)!;
        Assert.Equal(("the defaults", (string?)null), (first.QueuedReason, second.QueuedReason));
        var (queued, queuedWithoutReason) = (first.Number, second.Number);
        var sampled = storage.CreateTrial("s", T0, null)!.Number;
        var plain = storage.CreateTrial("s", T0, null)!.Number;
        var unsampled = storage.CreateTrial("s", T0, null)!.Number;
        storage.SetTrialPoint("s", sampled, [0.5], "TPE", "model of 12 trials: 3 good, 9 bad; \"quoted\", ünïcode");
        Reopen(storage).SetTrialPoint("s", plain, [0.6], "random", null);
        Assert.True(storage.FinishTrial("s", sampled, TrialState.Complete, 1, TimeSpan.Zero, null));

        var trials = Reopen(storage).ReadTrials("s");
        Assert.Equal((TrialRecord.QueuedStrategy, "the defaults"), (trials[queued].Strategy, trials[queued].StrategyReason));
        Assert.Equal((TrialRecord.QueuedStrategy, (string?)null), (trials[queuedWithoutReason].Strategy, trials[queuedWithoutReason].StrategyReason));
        Assert.Equal(("TPE", "model of 12 trials: 3 good, 9 bad; \"quoted\", ünïcode"), (trials[sampled].Strategy, trials[sampled].StrategyReason));
        Assert.Equal(("random", (string?)null), (trials[plain].Strategy, trials[plain].StrategyReason));
        Assert.Equal(((string?)null, (string?)null), (trials[unsampled].Strategy, trials[unsampled].StrategyReason));
    }

    [Fact]
    public void A_point_without_a_strategy_is_refused_and_not_recorded()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        var number = storage.CreateTrial("s", T0, null)!.Number;

        Assert.Throws<ArgumentException>(() => storage.SetTrialPoint("s", number, [0.5], " ", null));

        var trial = Assert.Single(Reopen(storage).ReadTrials("s"));
        Assert.Empty(trial.Point);
        Assert.Null(trial.Strategy);
    }

    [Fact]
    public void A_trial_finishes_exactly_once_and_rules_are_enforced()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        var number = storage.CreateTrial("s", T0, null)!.Number;
        storage.SetTrialPoint("s", number, [0.5], "random", null);
        Assert.Throws<InvalidOperationException>(() => storage.SetTrialPoint("s", number, [0.6], "random", null));
        storage.ReportIntermediate("s", number, new IntermediateValue(3, 1));
        Assert.Throws<ArgumentException>(() => storage.ReportIntermediate("s", number, new IntermediateValue(3, 2)));

        Assert.True(storage.FinishTrial("s", number, TrialState.Failed, null, TimeSpan.Zero, "boom"));
        Assert.False(Reopen(storage).FinishTrial("s", number, TrialState.Complete, 1, TimeSpan.Zero, null));
        Assert.Throws<InvalidOperationException>(() => storage.ReportIntermediate("s", number, new IntermediateValue(4, 1)));
        Assert.Throws<InvalidOperationException>(() => storage.FinishTrial("s", 99, TrialState.Complete, 1, TimeSpan.Zero, null));
        Assert.Equal("boom", Assert.Single(storage.ReadTrials("s")).FailReason);
    }

    [Fact]
    public void Trials_without_a_heartbeat_are_failed_as_stale_and_told_so()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        var quiet = storage.CreateTrial("s", T0, null)!.Number;
        var alive = storage.CreateTrial("s", T0, null)!.Number;
        Assert.True(Heartbeats(storage).Heartbeat("s", alive, T0.AddMinutes(5)));

        var failed = Heartbeats(Reopen(storage)).FailStaleTrials("s", T0.AddMinutes(1), "worker stopped sending heartbeats");

        Assert.Equal([quiet], failed);
        var trials = storage.ReadTrials("s");
        Assert.Equal((TrialState.Failed, "worker stopped sending heartbeats"), (trials[quiet].State, trials[quiet].FailReason));
        Assert.Equal(TrialState.Running, trials[alive].State);
        Assert.False(Heartbeats(storage).Heartbeat("s", quiet, T0.AddMinutes(6)));
        Assert.Empty(Heartbeats(storage).FailStaleTrials("s", T0.AddMinutes(1), "again"));
    }

    [Fact]
    public void Studies_are_kept_apart()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study("a"), false);
        storage.CreateStudy(Study("b"), false);
        storage.CreateTrial("a", T0, null);
        Assert.Equal(0, storage.CreateTrial("b", T0, null)!.Number);
        Assert.Single(storage.ReadTrials("a"));
        Assert.Throws<InvalidOperationException>(() => storage.ReadTrials("missing"));
    }

    [Fact]
    public void Studies_are_listed_by_name_with_their_direction_and_space()
    {
        var storage = CreateStorage();
        Assert.Empty(storage.ListStudies());
        var maximised = new StoredStudy("b", Direction.Maximize, "y: choice of [\"relu\", \"gelu\"]");
        storage.CreateStudy(maximised, false);
        storage.CreateStudy(Study("a"), false);

        Assert.Equal([Study("a"), maximised], Reopen(storage).ListStudies());
    }

    [Fact]
    public void Checkpoints_are_kept_per_study_replaced_whole_and_deleted()
    {
        var storage = CreateStorage();
        var checkpoints = Assert.IsAssignableFrom<ICheckpointStorage>(storage);
        storage.CreateStudy(Study("a"), false);
        storage.CreateStudy(Study("b"), false);
        byte[] weights = [0, 1, 2, 255, 0];

        checkpoints.WriteCheckpoint("a", "round-0-member-1.ckpt", weights);
        checkpoints.WriteCheckpoint("a", "round-0-member-1.ckpt", [9, 8]);
        checkpoints.WriteCheckpoint("b", "round-0-member-1.ckpt", weights);
        checkpoints.WriteCheckpoint("a", "pbt-state.json", []);

        var reopened = Assert.IsAssignableFrom<ICheckpointStorage>(Reopen(storage));
        Assert.Equal([9, 8], reopened.ReadCheckpoint("a", "round-0-member-1.ckpt")!);
        Assert.Equal(weights, reopened.ReadCheckpoint("b", "round-0-member-1.ckpt")!);
        Assert.Empty(reopened.ReadCheckpoint("a", "pbt-state.json")!);
        Assert.Null(reopened.ReadCheckpoint("a", "missing"));
        reopened.DeleteCheckpoint("a", "round-0-member-1.ckpt");
        reopened.DeleteCheckpoint("a", "never-written");
        Assert.Null(checkpoints.ReadCheckpoint("a", "round-0-member-1.ckpt"));
        Assert.Equal(weights, checkpoints.ReadCheckpoint("b", "round-0-member-1.ckpt")!);
        Assert.ThrowsAny<InvalidOperationException>(() => checkpoints.WriteCheckpoint("nobody", "x", weights));
    }

    [Fact]
    public void A_study_of_several_objectives_keeps_every_direction()
    {
        var storage = CreateStorage();
        var several = new StoredStudy("mo", Direction.Minimize, "x: float in [0, 1]") { Directions = [Direction.Minimize, Direction.Maximize, Direction.Minimize] };
        storage.CreateStudy(several, false);
        storage.CreateStudy(Study("so"), false);

        var listed = Reopen(storage).ListStudies();
        Assert.Equal([Direction.Minimize, Direction.Maximize, Direction.Minimize], listed.Single(s => s.Name == "mo").Directions);
        Assert.Equal([Direction.Minimize], listed.Single(s => s.Name == "so").Directions);
        Assert.Equal(several, Reopen(storage).CreateStudy(several with { Directions = [Direction.Maximize] }, loadIfExists: true));
        Assert.NotEqual(several, several with { Directions = [Direction.Minimize, Direction.Minimize, Direction.Minimize] });
    }

    [Fact]
    public void A_study_keeps_its_objective_names_and_an_unnamed_one_reads_none()
    {
        var storage = CreateStorage();
        // Names with the characters a joined list or a JSON document would trip on.
        string[] names = ["rmse, fold-mean", "latency \"p95\" µs", "size"];
        var named = new StoredStudy("named", Direction.Minimize, "x: float in [0, 1]")
        {
            Directions = [Direction.Minimize, Direction.Minimize, Direction.Maximize],
            ObjectiveNames = names,
        };
        storage.CreateStudy(named, false);
        storage.CreateStudy(Study("single") with { ObjectiveNames = ["accuracy"] }, false);
        storage.CreateStudy(Study("unnamed"), false);

        var listed = Reopen(storage).ListStudies();
        Assert.Equal(names, listed.Single(s => s.Name == "named").ObjectiveNames);
        Assert.Equal(named, listed.Single(s => s.Name == "named"));
        Assert.Equal(["accuracy"], listed.Single(s => s.Name == "single").ObjectiveNames);
        Assert.Null(listed.Single(s => s.Name == "unnamed").ObjectiveNames);
        Assert.Equal(names, Reopen(storage).CreateStudy(named with { ObjectiveNames = null }, loadIfExists: true).ObjectiveNames);
        Assert.NotEqual(named, named with { ObjectiveNames = ["rmse", "latency", "size"] });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Concurrent_workers_get_unique_gap_free_numbers_and_every_tell_is_recorded_once(bool oneStorageObject)
    {
        // Workers with a storage object each (as processes have), or threads sharing one (a study's own parallelism,
        // whose durable tells sync to disk after the storage's locks are released).
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        var handles = Enumerable.Range(0, 4).Select(_ => oneStorageObject ? storage : Reopen(storage)).ToArray();
        var numbers = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 4, w =>
        {
            while (handles[w].CreateTrial("s", T0, limit: 60) is { } trial)
            {
                handles[w].SetTrialPoint("s", trial.Number, [trial.Number / 100.0], "random", null);
                Assert.True(handles[w].FinishTrial("s", trial.Number, TrialState.Complete, trial.Number, TimeSpan.Zero, null));
                numbers.Add(trial.Number);
            }
        });

        Assert.Equal(Enumerable.Range(0, 60), numbers.Order());
        var trials = Reopen(storage).ReadTrials("s");
        Assert.Equal(Enumerable.Range(0, 60), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal((double)t.Number, t.Value));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
    }
}

public sealed class InMemoryStorageContractTests : StorageContractTests
{
    protected override IStudyStorage CreateStorage() => new InMemoryStorage();

    protected override IStudyStorage Reopen(IStudyStorage storage) => storage;
}
