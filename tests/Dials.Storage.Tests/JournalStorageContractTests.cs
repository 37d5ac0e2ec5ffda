using System.Collections.Concurrent;
using Dials.Samplers;

namespace Dials.Storage.Tests;

public sealed class JournalStorageContractTests : StorageContractTests, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-journal-contract-").FullName;

    public ConcurrentQueue<string> Warnings { get; } = new();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_finish_line_carries_values_and_constraints_only_when_given()
    {
        var path = Path.Combine(directory, "values.jsonl");
        var storage = new JournalStorage(path, Warnings.Enqueue);
        storage.CreateStudy(new StoredStudy("s", Direction.Minimize, "x: float in [0, 1]"), false);
        storage.CreateTrial("s", DateTimeOffset.UnixEpoch, null);
        storage.CreateTrial("s", DateTimeOffset.UnixEpoch, null);
        storage.FinishTrial("s", 0, TrialState.Complete, 0.25, TimeSpan.FromSeconds(1), null,
            [0.25, -0.0, double.NaN, double.NegativeInfinity], [new ConstraintValue("latency", -0.5)]);
        storage.FinishTrial("s", 1, TrialState.Complete, 0.5, TimeSpan.FromSeconds(1), null);

        // The format docs/storage-journal.md gives: a single-objective line is as it always was.
        var lines = File.ReadAllLines(path);
        Assert.Equal(
            """{"op":"finish","study":"s","n":0,"value":0.25,"state":"Complete","ticks":10000000,"values":[0.25,-0,"NaN","-Infinity"],""" +
            """ "constraints":[{"name":"latency","value":-0.5}]}""".TrimStart(),
            lines[^2]);
        Assert.Equal("""{"op":"finish","study":"s","n":1,"value":0.5,"state":"Complete","ticks":10000000}""", lines[^1]);
        Assert.Empty(Warnings);
    }

    [Fact]
    public void A_journal_written_before_strategies_were_recorded_still_reads_and_takes_new_ones()
    {
        // Lines as earlier Dials wrote them: no "strategy", and no "reason" on enqueue or point records.
        var path = Path.Combine(directory, "old.jsonl");
        File.WriteAllLines(path,
        [
            """{"op":"study","study":"s","direction":"Minimize","space":"x: float in [0, 1]"}""",
            """{"op":"trial","study":"s","n":0,"at":"2026-01-01T00:00:00+00:00"}""",
            """{"op":"point","study":"s","n":0,"point":[0.5]}""",
            """{"op":"finish","study":"s","n":0,"state":"Complete","value":0.25,"ticks":10000000}""",
            """{"op":"enqueue","study":"s","point":[0.75]}""",
        ]);

        var storage = new JournalStorage(path, Warnings.Enqueue);
        var old = Assert.Single(storage.ReadTrials("s"));
        Assert.Equal((TrialState.Complete, (double?)0.25), (old.State, old.Value));
        Assert.Equal([0.5], old.Point);
        Assert.Equal(((string?)null, (string?)null), (old.Strategy, old.StrategyReason));

        Assert.Equal([0.75], storage.CreateTrial("s", old.Start, null)!.QueuedPoint!);
        storage.SetTrialPoint("s", storage.CreateTrial("s", old.Start, null)!.Number, [0.1], "TPE", "model of 1 trial");
        var trials = new JournalStorage(path, Warnings.Enqueue).ReadTrials("s");
        Assert.Equal([(null, null), (TrialRecord.QueuedStrategy, null), ("TPE", "model of 1 trial")],
            trials.Select(t => (t.Strategy, t.StrategyReason)));
        Assert.Empty(Warnings);
    }

    [Fact]
    public void A_point_record_carries_its_strategy_and_reason()
    {
        var storage = (JournalStorage)CreateStorage();
        storage.CreateStudy(new StoredStudy("s", Direction.Minimize, "x: float in [0, 1]"), false);
        storage.SetTrialPoint("s", storage.CreateTrial("s", DateTimeOffset.UnixEpoch, null)!.Number, [0.5], "GP", "12 trials fit the model");

        var point = System.Text.Json.JsonDocument.Parse(File.ReadAllLines(storage.FilePath)[^1]).RootElement;
        Assert.Equal(("point", "GP", "12 trials fit the model"),
            (point.GetProperty("op").GetString(), point.GetProperty("strategy").GetString(), point.GetProperty("reason").GetString()));
    }

    [Fact]
    public void A_sampled_trial_is_appended_as_adjacent_creation_and_point_lines_that_other_readers_see()
    {
        var storage = (JournalStorage)CreateStorage();
        storage.CreateStudy(new StoredStudy("s", Direction.Minimize, "x: float in [0, 1]"), false);
        storage.SetTrialPoint("s", storage.CreateTrial("s", DateTimeOffset.UnixEpoch, null)!.Number, [0.1], "random", null);
        var reader = Reopen(storage);
        Assert.Single(reader.ReadTrials("s"));

        storage.CreateSampledTrial("s", DateTimeOffset.UnixEpoch, null, (_, _) => new Proposal([0.5], "TPE", "model of 1 trial"));

        var lines = File.ReadAllLines(storage.FilePath).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([("trial", 1), ("point", 1)], lines[^2..].Select(l => (l.GetProperty("op").GetString(), l.GetProperty("n").GetInt32())));

        // A reader that had the journal open before the append, and one opened after it, see the trial with its point.
        var trial = reader.ReadTrials("s")[1];
        Assert.Equal((TrialState.Running, "TPE", "model of 1 trial"), (trial.State, trial.Strategy, trial.StrategyReason));
        Assert.Equal([0.5], trial.Point);
        Assert.Equal(storage.ReadTrials("s").Select(FixtureStudy.Describe), reader.ReadTrials("s").Select(FixtureStudy.Describe));
        Assert.Equal(storage.ReadTrials("s").Select(FixtureStudy.Describe), Reopen(storage).ReadTrials("s").Select(FixtureStudy.Describe));
        Assert.Empty(Warnings);
    }

    [Fact]
    public void Sampled_trials_of_concurrent_writers_each_keep_their_point_line_next_to_their_creation()
    {
        var storage = (JournalStorage)CreateStorage();
        storage.CreateStudy(new StoredStudy("s", Direction.Minimize, "x: float in [0, 1]"), false);
        var handles = Enumerable.Range(0, 4).Select(_ => Reopen(storage)).ToArray();

        Parallel.For(0, 4, w =>
        {
            while (handles[w].CreateSampledTrial("s", DateTimeOffset.UnixEpoch, limit: 40, (n, _) => new Proposal([n / 40.0], $"worker {w}")) is { } trial)
            {
                Assert.True(handles[w].FinishTrial("s", trial.Number, TrialState.Complete, trial.Number, TimeSpan.Zero, null));
            }
        });

        // Every creation line is followed at once by its trial's point line, whoever else was appending.
        var lines = File.ReadAllLines(storage.FilePath).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
        var creations = Enumerable.Range(0, lines.Length).Where(i => lines[i].GetProperty("op").GetString() == "trial").ToArray();
        Assert.Equal(40, creations.Length);
        Assert.All(creations, i => Assert.Equal(("point", lines[i].GetProperty("n").GetInt32()),
            (lines[i + 1].GetProperty("op").GetString(), lines[i + 1].GetProperty("n").GetInt32())));
        var trials = Reopen(storage).ReadTrials("s");
        Assert.Equal(Enumerable.Range(0, 40), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal([t.Number / 40.0], t.Point));
        Assert.Empty(Warnings);
    }

    protected override IStudyStorage CreateStorage() => new JournalStorage(Path.Combine(directory, "study.jsonl"), Warnings.Enqueue);

    protected override IStudyStorage Reopen(IStudyStorage storage) =>
        new JournalStorage(((JournalStorage)storage).FilePath, Warnings.Enqueue);
}
