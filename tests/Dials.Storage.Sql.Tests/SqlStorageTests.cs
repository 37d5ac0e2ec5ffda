using System.Collections.Concurrent;
using Dials.Storage.Tests;

namespace Dials.Storage.Sql.Tests;

/// <summary>
/// What both database back ends must do beyond the shared contract: survive many storages (as many processes would
/// open) starting on an empty database at once, refuse a schema they do not know, and keep points bit for bit.
/// </summary>
public abstract class SqlStorageTests : StorageContractTests
{
    protected static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(2));

    /// <summary>A new storage on the test's database, as another process would open it (its own connections).</summary>
    protected abstract SqlStudyStorage OpenSeparately();

    /// <summary>Runs a statement on the test's database outside any storage.</summary>
    protected abstract void ExecuteRaw(string sql);

    /// <summary>Reads a number from the test's database outside any storage.</summary>
    protected abstract long CountRaw(string sql);

    protected sealed override IStudyStorage CreateStorage() => OpenSeparately();

    protected sealed override IStudyStorage Reopen(IStudyStorage storage) => OpenSeparately();

    /// <summary>Turns the test's database (written by this code) into one of an earlier schema version, as earlier
    /// Dials wrote it: without the columns and indexes later versions added.</summary>
    protected void DowngradeTo(int version)
    {
        // Version 6 added this.
        ExecuteRaw("ALTER TABLE dials_studies DROP COLUMN objective_names");
        if (version == 5)
        {
            ExecuteRaw($"UPDATE dials_schema_version SET version = {version}");
            return;
        }

        // Version 5 added these.
        ExecuteRaw("ALTER TABLE dials_studies DROP COLUMN directions");
        ExecuteRaw("ALTER TABLE dials_trials DROP COLUMN cpu_ticks");
        ExecuteRaw("DROP TABLE dials_checkpoints");
        if (version == 4)
        {
            ExecuteRaw($"UPDATE dials_schema_version SET version = {version}");
            return;
        }

        // Version 4 added these.
        ExecuteRaw("ALTER TABLE dials_trials DROP COLUMN objective_values");
        ExecuteRaw("ALTER TABLE dials_trials DROP COLUMN constraint_values");
        if (version == 3)
        {
            ExecuteRaw($"UPDATE dials_schema_version SET version = {version}");
            return;
        }

        // Version 3 added these (indexes first: SQLite drops no indexed column).
        ExecuteRaw("DROP INDEX dials_trials_by_change");
        ExecuteRaw("DROP INDEX dials_trials_running");
        ExecuteRaw("ALTER TABLE dials_studies DROP COLUMN change_seq");
        ExecuteRaw("ALTER TABLE dials_trials DROP COLUMN change_seq");
        ExecuteRaw("ALTER TABLE dials_trials DROP COLUMN creator");
        ExecuteRaw("ALTER TABLE dials_queued_points DROP COLUMN creator");
        if (version == 1)
        {
            ExecuteRaw("ALTER TABLE dials_trials DROP COLUMN strategy");
            ExecuteRaw("ALTER TABLE dials_trials DROP COLUMN strategy_reason");
            ExecuteRaw("ALTER TABLE dials_queued_points DROP COLUMN reason");
        }

        ExecuteRaw($"UPDATE dials_schema_version SET version = {version}");
    }

    protected static string Describe(TrialRecord trial) =>
        $"{trial.Number} {trial.State} [{string.Join(",", trial.Point)}] {trial.Value} {string.Join(",", trial.Intermediate)} " +
        $"{trial.Start:o} {trial.Duration} {trial.FailReason} {trial.Strategy} {trial.StrategyReason}";

    protected static StoredStudy Study => new("s", Direction.Minimize, "x: float in [0, 1]; y: int in [1, 8]");

    [Fact]
    public void Many_storages_and_threads_start_on_an_empty_database_and_share_one_study()
    {
        // Eight workers on four storages: two threads a storage, all creating the schema and the study at once.
        var storages = Enumerable.Range(0, 4).Select(_ => OpenSeparately()).ToArray();
        var told = new ConcurrentBag<int>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, w =>
        {
            var storage = storages[w % storages.Length];
            Assert.Equal(Study, storage.CreateStudy(Study, loadIfExists: true));
            if (w == 0)
            {
                storage.Enqueue("s", [0.5, double.NaN], null);
            }

            while (storage.CreateTrial("s", T0, limit: 40) is { } trial)
            {
                if (trial.QueuedPoint is null)
                {
                    storage.SetTrialPoint("s", trial.Number, [trial.Number / 40.0, w], "random", null);
                }

                storage.ReportIntermediate("s", trial.Number, new IntermediateValue(1, trial.Number));
                Assert.True(storage.Heartbeat("s", trial.Number, T0.AddSeconds(1)));
                Assert.True(storage.FinishTrial("s", trial.Number, TrialState.Complete, trial.Number * 2, TimeSpan.FromSeconds(1), null));
                told.Add(trial.Number);
            }
        });

        Assert.Equal(Enumerable.Range(0, 40), told.Order());
        var trials = OpenSeparately().ReadTrials("s");
        Assert.Equal(Enumerable.Range(0, 40), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal((TrialState.Complete, t.Number * 2.0), (t.State, t.Value!.Value)));
        Assert.All(trials, t => Assert.Equal([new IntermediateValue(1, t.Number)], t.Intermediate));
        Assert.Single(trials, t => t.Point.Count == 2 && double.IsNaN(t.Point[1]));
        Assert.Equal(1, CountRaw("SELECT COUNT(*) FROM dials_schema_version"));
        Assert.Equal(0, CountRaw("SELECT COUNT(*) FROM dials_queued_points"));
    }

    [Fact]
    public void Points_and_times_come_back_bit_for_bit()
    {
        double[] point = [0.1, 1.0 / 3, double.Epsilon, double.MaxValue, -0.0, double.NaN, -1e-300, 123456789.123456789];
        var storage = OpenSeparately();
        storage.CreateStudy(Study, false);
        storage.Enqueue("s", point, null);
        var start = T0.AddTicks(7);
        storage.CreateTrial("s", start, null);
        storage.ReportIntermediate("s", 0, new IntermediateValue(long.MaxValue, 0.1 + 0.2));
        storage.FinishTrial("s", 0, TrialState.Pruned, null, TimeSpan.FromTicks(12345), null);

        var trial = Assert.Single(OpenSeparately().ReadTrials("s"));
        Assert.Equal(point.Select(BitConverter.DoubleToInt64Bits), trial.Point.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal((start, start.Offset), (trial.Start, trial.Start.Offset));
        Assert.Equal(new IntermediateValue(long.MaxValue, 0.1 + 0.2), Assert.Single(trial.Intermediate));
        Assert.Equal((TrialState.Pruned, (double?)null, TimeSpan.FromTicks(12345)), (trial.State, trial.Value, trial.Duration!.Value));
    }

    [Fact]
    public void A_point_with_an_infinity_is_refused_naming_the_value()
    {
        var storage = OpenSeparately();
        storage.CreateStudy(Study, false);
        var error = Assert.Throws<ArgumentException>(() => storage.Enqueue("s", [0.5, double.PositiveInfinity], null));
        Assert.Equal("point", error.ParamName);
        Assert.Contains("Point value 1", error.Message);
    }

    [Fact]
    public void A_database_written_by_a_newer_schema_is_refused_clearly()
    {
        OpenSeparately().CreateStudy(Study, false);
        ExecuteRaw("UPDATE dials_schema_version SET version = 99");

        var error = Assert.Throws<InvalidOperationException>(() => OpenSeparately().ReadTrials("s"));
        Assert.Contains("schema version 99", error.Message);
        Assert.Contains("newer Dials", error.Message);
    }

    [Fact]
    public void A_database_of_schema_version_1_is_upgraded_in_place_and_keeps_its_trials()
    {
        // Version 1 as earlier Dials wrote it: today's tables without the strategy columns, holding a finished trial
        // and a queued point.
        var old = OpenSeparately();
        old.CreateStudy(Study, false);
        old.CreateTrial("s", T0, null);
        old.SetTrialPoint("s", 0, [0.5, 3], "random", null);
        old.FinishTrial("s", 0, TrialState.Complete, 1.5, TimeSpan.FromSeconds(1), null);
        old.Enqueue("s", [0.25, 2], null);
        DowngradeTo(1);

        var upgraded = OpenSeparately();
        var kept = Assert.Single(upgraded.ReadTrials("s"));
        Assert.Equal((TrialState.Complete, (double?)1.5, (string?)null), (kept.State, kept.Value, kept.Strategy));
        Assert.Equal(((long)SqlStudyStorage.SchemaVersion, 1L),
            (CountRaw("SELECT MAX(version) FROM dials_schema_version"), CountRaw("SELECT COUNT(*) FROM dials_schema_version")));

        Assert.Equal([0.25, 2], upgraded.CreateTrial("s", T0, null)!.QueuedPoint!);
        upgraded.SetTrialPoint("s", upgraded.CreateTrial("s", T0, null)!.Number, [0.75, 1], "TPE", "model of 1 trial");
        var trials = OpenSeparately().ReadTrials("s");
        Assert.Equal(
            [(null, null), (TrialRecord.QueuedStrategy, null), ("TPE", "model of 1 trial")],
            trials.Select(t => (t.Strategy, t.StrategyReason)));
    }

    [Fact]
    public void A_database_of_schema_version_2_is_upgraded_and_then_read_incrementally()
    {
        WriteOneCompleteAndOneRunningTrial();
        DowngradeTo(2);

        // The trials of version 2 carry change 0: the first read takes them all, later reads follow the changes.
        var reader = OpenSeparately();
        Assert.Equal([TrialState.Complete, TrialState.Running], reader.ReadTrials("s").Select(t => t.State));
        Assert.Equal(SqlStudyStorage.SchemaVersion, CountRaw("SELECT MAX(version) FROM dials_schema_version"));
        var writer = OpenSeparately();
        writer.SetTrialPoint("s", 1, [0.25, 1], "random", null);
        writer.FinishTrial("s", 1, TrialState.Pruned, null, TimeSpan.Zero, null);
        writer.CreateTrial("s", T0, null);
        Assert.Equal([TrialState.Complete, TrialState.Pruned, TrialState.Running], reader.ReadTrials("s").Select(t => t.State));
        Assert.Equal([0.25, 1], reader.ReadTrials("s")[1].Point);
    }

    [Fact]
    public void A_database_of_schema_version_3_is_upgraded_once_by_many_openers_at_once()
    {
        WriteOneCompleteAndOneRunningTrial();
        DowngradeTo(3);

        // Every opener checks again inside the schema transaction, so the columns are added once and no opener fails.
        Parallel.For(0, 4, _ => Assert.Equal(2, OpenSeparately().ReadTrials("s").Count));
        Assert.Equal(((long)SqlStudyStorage.SchemaVersion, 1L),
            (CountRaw("SELECT MAX(version) FROM dials_schema_version"), CountRaw("SELECT COUNT(*) FROM dials_schema_version")));

        var writer = OpenSeparately();
        writer.FinishTrial("s", 1, TrialState.Complete, 2.5, TimeSpan.Zero, null, [2.5, 7], [new ConstraintValue("c", 0)]);
        var trials = OpenSeparately().ReadTrials("s");
        Assert.Equal((null, null, 1.5), (trials[0].Values, trials[0].Constraints, trials[0].Value));
        Assert.Equal([2.5, 7], trials[1].Values!);
        Assert.Equal([new ConstraintValue("c", 0)], trials[1].Constraints!);
    }

    [Fact]
    public void A_database_of_schema_version_4_keeps_its_single_direction_studies_and_then_stores_several_directions()
    {
        WriteOneCompleteAndOneRunningTrial();
        DowngradeTo(4);

        var upgraded = OpenSeparately();
        Assert.Equal([Direction.Minimize], Assert.Single(upgraded.ListStudies()).Directions);
        Assert.Equal(SqlStudyStorage.SchemaVersion, CountRaw("SELECT MAX(version) FROM dials_schema_version"));

        var several = new StoredStudy("mo", Direction.Maximize, Study.SpaceSignature) { Directions = [Direction.Maximize, Direction.Minimize] };
        upgraded.CreateStudy(several, false);
        Assert.Equal([Direction.Maximize, Direction.Minimize], OpenSeparately().ListStudies().Single(s => s.Name == "mo").Directions);
        Assert.Equal(1, CountRaw("SELECT COUNT(*) FROM dials_studies WHERE directions IS NULL"));
    }

    [Fact]
    public void A_database_of_schema_version_5_reads_its_studies_unnamed_and_then_stores_objective_names()
    {
        var old = OpenSeparately();
        old.CreateStudy(new StoredStudy("mo", Direction.Minimize, Study.SpaceSignature) { Directions = [Direction.Minimize, Direction.Maximize] }, false);
        old.CreateTrial("mo", T0, null);
        old.FinishTrial("mo", 0, TrialState.Complete, null, TimeSpan.Zero, null, [0.5, 2]);
        DowngradeTo(5);

        var upgraded = OpenSeparately();
        var kept = Assert.Single(upgraded.ListStudies());
        Assert.Equal([Direction.Minimize, Direction.Maximize], kept.Directions);
        Assert.Null(kept.ObjectiveNames);
        Assert.Equal(SqlStudyStorage.SchemaVersion, CountRaw("SELECT MAX(version) FROM dials_schema_version"));
        Assert.Equal([0.5, 2], Assert.Single(upgraded.ReadTrials("mo")).Values!);

        var named = new StoredStudy("named", Direction.Minimize, Study.SpaceSignature)
        {
            Directions = [Direction.Minimize, Direction.Minimize],
            ObjectiveNames = ["rmse", "latency"],
        };
        upgraded.CreateStudy(named, false);
        Assert.Equal(["rmse", "latency"], OpenSeparately().ListStudies().Single(s => s.Name == "named").ObjectiveNames);
        Assert.Equal(1, CountRaw("SELECT COUNT(*) FROM dials_studies WHERE objective_names IS NULL"));
    }

    [Fact]
    public void Reads_follow_every_change_another_storage_makes()
    {
        var reader = OpenSeparately();
        var writer = OpenSeparately();
        writer.CreateStudy(Study, false);
        Assert.Empty(reader.ReadTrials("s"));

        writer.CreateTrial("s", T0, null);
        writer.CreateTrial("s", T0, null);
        Assert.Equal([0, 1], reader.ReadTrials("s").Select(t => t.Number));
        writer.SetTrialPoint("s", 0, [0.5, 3], "TPE", "why");
        Assert.Equal(("TPE", 0.5), (reader.ReadTrials("s")[0].Strategy, reader.ReadTrials("s")[0].Point[0]));
        writer.ReportIntermediate("s", 0, new IntermediateValue(1, 0.25));
        writer.ReportIntermediate("s", 0, new IntermediateValue(2, 0.125));
        Assert.Equal([new IntermediateValue(1, 0.25), new IntermediateValue(2, 0.125)], reader.ReadTrials("s")[0].Intermediate);
        writer.FinishTrial("s", 0, TrialState.Complete, 0.125, TimeSpan.FromSeconds(1), null);
        Assert.Equal((TrialState.Complete, 0.125), (reader.ReadTrials("s")[0].State, reader.ReadTrials("s")[0].Value!.Value));
        Assert.Equal([1], writer.FailStaleTrials("s", T0.AddSeconds(1), "quiet"));
        Assert.Equal((TrialState.Failed, "quiet"), (reader.ReadTrials("s")[1].State, reader.ReadTrials("s")[1].FailReason));

        // Whatever the path, the cached view equals a fresh full read.
        Assert.Equal(OpenSeparately().ReadTrials("s").Select(Describe), reader.ReadTrials("s").Select(Describe));
    }

    [Fact]
    public void Changes_anywhere_in_a_long_study_reach_a_reader_and_earlier_snapshots_stay_as_they_were()
    {
        // More trials than a snapshot keeps in one piece (1,024), changed at both ends and across a boundary.
        var reader = OpenSeparately();
        var writer = OpenSeparately();
        writer.CreateStudy(Study, false);
        for (var i = 0; i < 2100; i++)
        {
            writer.CreateTrial("s", T0, null);
        }

        var before = reader.ReadTrials("s");
        foreach (var number in new[] { 0, 1023, 1024, 2099 })
        {
            writer.FinishTrial("s", number, TrialState.Complete, number, TimeSpan.Zero, null);
        }

        writer.CreateTrial("s", T0, null);
        var after = reader.ReadTrials("s");
        Assert.Equal(2101, after.Count);
        Assert.Equal([0.0, 1023, 1024, 2099], after.Where(t => t.IsFinished).Select(t => t.Value!.Value));
        Assert.Equal(after.Select(Describe), OpenSeparately().ReadTrials("s").Select(Describe));
        Assert.Equal(2100, before.Count);
        Assert.All(before, t => Assert.Equal(TrialState.Running, t.State));
    }

    [Fact]
    public void A_read_fetches_only_the_trials_changed_since_the_last_one()
    {
        var storage = OpenSeparately();
        storage.CreateStudy(Study, false);
        storage.CreateTrial("s", T0, null);
        storage.CreateTrial("s", T0, null);
        storage.FinishTrial("s", 0, TrialState.Complete, 1, TimeSpan.Zero, null);
        Assert.Equal(2, storage.ReadTrials("s").Count);

        // A change made behind the storage's back, without a change number, is not fetched again...
        ExecuteRaw("UPDATE dials_trials SET value = 99 WHERE number = 0");
        storage.FinishTrial("s", 1, TrialState.Complete, 2, TimeSpan.Zero, null);
        Assert.Equal([1.0, 2.0], storage.ReadTrials("s").Select(t => t.Value!.Value));

        // ...while a storage reading for the first time reads every trial.
        Assert.Equal([99.0, 2.0], OpenSeparately().ReadTrials("s").Select(t => t.Value!.Value));
    }

    [Fact]
    public void A_schema_version_no_dials_wrote_is_refused_clearly()
    {
        OpenSeparately().CreateStudy(Study, false);
        ExecuteRaw("UPDATE dials_schema_version SET version = 0");

        var error = Assert.Throws<InvalidOperationException>(() => OpenSeparately().ReadTrials("s"));
        Assert.Contains("schema version 0, which no version of Dials wrote", error.Message);
    }

    [Fact]
    public void A_broken_rule_rolls_back_the_whole_call()
    {
        var storage = OpenSeparately();
        storage.CreateStudy(Study, false);
        storage.CreateTrial("s", T0, null);
        storage.FinishTrial("s", 0, TrialState.Complete, 1, TimeSpan.Zero, null);

        Assert.Throws<InvalidOperationException>(() => storage.SetTrialPoint("s", 0, [0.5], "random", null));
        Assert.Throws<InvalidOperationException>(() => storage.Enqueue("missing", [0.5], null));
        Assert.Throws<ArgumentException>(() => storage.FinishTrial("s", 0, TrialState.Running, null, TimeSpan.Zero, null));

        Assert.Empty(Assert.Single(storage.ReadTrials("s")).Point);
        Assert.Equal(0, CountRaw("SELECT COUNT(*) FROM dials_queued_points"));
        Assert.Equal(1, CountRaw("SELECT next_trial FROM dials_studies"));
    }

    /// <summary>Study "s" with a complete trial (point [0.5, 3], value 1.5) and a running one, written by today's code.</summary>
    private void WriteOneCompleteAndOneRunningTrial()
    {
        var old = OpenSeparately();
        old.CreateStudy(Study, false);
        old.CreateTrial("s", T0, null);
        old.SetTrialPoint("s", 0, [0.5, 3], "random", null);
        old.FinishTrial("s", 0, TrialState.Complete, 1.5, TimeSpan.FromSeconds(1), null);
        old.CreateTrial("s", T0, null);
    }
}
