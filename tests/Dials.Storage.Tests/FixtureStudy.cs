using System.Globalization;

namespace Dials.Storage.Tests;

/// <summary>
/// The studies in the fixtures written before trials kept value vectors and constraints (the journal
/// <c>Fixtures/written-before-value-vectors.jsonl</c>, the SQLite file <c>schema-v3.db</c> and the PostgreSQL dump
/// <c>postgres-schema-v3.sql</c>): how they were written, every fact they hold, and that a study in them resumes.
/// </summary>
/// <remarks>Each fixture was written once by <see cref="Write"/> through the back end's own storage, by the code of
/// commit c449a39, and is checked in unchanged, so that later versions prove they still read it.</remarks>
public static class FixtureStudy
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 4, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Every trial of the study <c>fixture</c>, one line each: complete from a queued point with two reports,
    /// pruned with NaN in its point, failed, running (with a heartbeat), and complete with a negative zero value.
    /// Doubles are shown as their bits so that a reading that is off in the last bit (or loses a sign) fails.</summary>
    public static readonly IReadOnlyList<string> Trials =
    [
        "0 Complete [3FECCCCCCCCCCCCD 3FF0000000000000] 3FD3333333333334 (1 3FE0000000000000) (2 3FD0000000000000) " +
        "2026-11-30T04:00:00.0000000+01:00 00:00:03  queued baseline",
        "1 Pruned [3FE8000000000000 FFF8000000000000] - (1 3FECCCCCCCCCCCCD) 2026-11-30T04:00:05.0000000+01:00 00:00:01  random ",
        "2 Failed [3FE0000000000000 4010000000000000] - 2026-11-30T04:00:07.0000000+01:00 00:00:02 boom TPE model of 2 trials",
        "3 Running [3FD5555555555555 401C000000000000] - 2026-11-30T04:00:09.0000000+01:00   TPE ",
        "4 Complete [3FC0000000000000 4000000000000000] 8000000000000000 (5 81A56E1FC2F8F359) " +
        "2026-11-30T04:00:11.0000000+01:00 00:00:00.0015000  GP expected improvement 0.01",
    ];

    /// <summary>The calls that wrote each fixture.</summary>
    public static void Write(IStudyStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        storage.CreateStudy(new StoredStudy("fixture", Direction.Minimize, "x: float in [0, 1]; y: int in [1, 8]"), false);
        storage.Enqueue("fixture", [0.9, 1], "baseline");
        storage.CreateTrial("fixture", T0, null);
        storage.ReportIntermediate("fixture", 0, new IntermediateValue(1, 0.5));
        storage.ReportIntermediate("fixture", 0, new IntermediateValue(2, 0.25));
        storage.FinishTrial("fixture", 0, TrialState.Complete, 0.1 + 0.2, TimeSpan.FromSeconds(3), null);
        storage.CreateTrial("fixture", T0.AddSeconds(5), null);
        storage.SetTrialPoint("fixture", 1, [0.75, double.NaN], "random", null);
        storage.ReportIntermediate("fixture", 1, new IntermediateValue(1, 0.9));
        storage.FinishTrial("fixture", 1, TrialState.Pruned, null, TimeSpan.FromSeconds(1), null);
        storage.CreateTrial("fixture", T0.AddSeconds(7), null);
        storage.SetTrialPoint("fixture", 2, [0.5, 4], "TPE", "model of 2 trials");
        storage.FinishTrial("fixture", 2, TrialState.Failed, null, TimeSpan.FromSeconds(2), "boom");
        storage.CreateTrial("fixture", T0.AddSeconds(9), null);
        storage.SetTrialPoint("fixture", 3, [1.0 / 3, 7], "TPE", null);
        storage.CreateTrial("fixture", T0.AddSeconds(11), null);
        storage.SetTrialPoint("fixture", 4, [0.125, 2], "GP", "expected improvement 0.01");
        storage.ReportIntermediate("fixture", 4, new IntermediateValue(5, -1e-300));
        storage.FinishTrial("fixture", 4, TrialState.Complete, -0.0, TimeSpan.FromMilliseconds(1.5), null);
        ((IHeartbeatStorage)storage).Heartbeat("fixture", 3, T0.AddSeconds(12));
        storage.Enqueue("fixture", [0.3, 5], "retry of trial 3");
        storage.CreateStudy(new StoredStudy("other", Direction.Maximize, "x: float in [0, 1]"), false);
        storage.CreateTrial("other", T0.AddMinutes(1), null);
        storage.SetTrialPoint("other", 0, [0.5], "random", null);
        storage.FinishTrial("other", 0, TrialState.Complete, 2.5, TimeSpan.FromSeconds(1), null);
    }

    /// <summary>Asserts every fact of the fixture: both studies, every trial, and the point still queued.</summary>
    /// <param name="storage">The storage on the fixture.</param>
    /// <param name="negativeZero">Whether trial 4's value, written as -0, reads back as -0. The SQL fixtures hold +0:
    /// SQLite stores an integral REAL as an integer, and the PostgreSQL dump's <c>INSERT ... VALUES (..., -0, ...)</c>
    /// reads the unquoted -0 as the integer 0 when it is loaded (the server itself had kept -0). The value vectors
    /// added later are JSON text, which keeps the sign on both.</param>
    public static void AssertHoldsEveryFact(IStudyStorage storage, bool negativeZero = true)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Assert.Equal(
            [
                new StoredStudy("fixture", Direction.Minimize, "x: float in [0, 1]; y: int in [1, 8]"),
                new StoredStudy("other", Direction.Maximize, "x: float in [0, 1]"),
            ],
            storage.ListStudies());
        var expected = negativeZero ? Trials : [.. Trials.SkipLast(1), Trials[^1].Replace("] 8000000000000000 (", "] 0000000000000000 (", StringComparison.Ordinal)];
        Assert.Equal(expected, storage.ReadTrials("fixture").Select(Describe));
        Assert.Equal(
            ["0 Complete [3FE0000000000000] 4004000000000000 2026-11-30T04:01:00.0000000+01:00 00:00:01  random "],
            storage.ReadTrials("other").Select(Describe));
    }

    /// <summary>Asserts that the study goes on: the next trial is number 5 and takes the queued point with its reason,
    /// the running trial can still finish, and the new trial reports and finishes.</summary>
    public static void AssertResumes(IStudyStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var next = storage.CreateTrial("fixture", T0.AddMinutes(5), null)!;
        Assert.Equal((5, "retry of trial 3"), (next.Number, next.QueuedReason));
        Assert.Equal([0.3, 5], next.QueuedPoint!);
        storage.ReportIntermediate("fixture", 5, new IntermediateValue(1, 0.125));
        Assert.True(storage.FinishTrial("fixture", 3, TrialState.Complete, 0.5, TimeSpan.FromSeconds(4), null));
        // Finished with objective values and a constraint, which these fixtures predate.
        Assert.True(storage.FinishTrial("fixture", 5, TrialState.Complete, 0.0625, TimeSpan.FromSeconds(1), null,
            [0.0625, -0.0], [new ConstraintValue("latency", 0.1 + 0.2)]));
        Assert.Null(storage.CreateQueuedTrial("fixture", T0.AddMinutes(6), null));

        var trials = storage.ReadTrials("fixture");
        Assert.Equal(Trials.Take(3), trials.Take(3).Select(Describe));
        Assert.Equal((TrialState.Complete, 0.5), (trials[3].State, trials[3].Value));
        Assert.Equal((TrialState.Complete, 0.0625, 1), (trials[5].State, trials[5].Value, trials[5].Intermediate.Count));
        Assert.Equal(["3FB0000000000000", "8000000000000000"], trials[5].Values!.Select(Bits));
        Assert.Equal(("latency", "3FD3333333333334"), (trials[5].Constraints![0].Name, Bits(trials[5].Constraints![0].Value)));

        // The trials written before vectors were kept have none; their objective values are [Value] when complete.
        Assert.All(trials.Take(5), t => Assert.Equal((null, null), (t.Values, t.Constraints)));
        Assert.Equal([0.5], trials[3].ObjectiveValues);
        Assert.Equal(1, storage.CreateTrial("other", T0.AddMinutes(7), null)!.Number);
    }

    /// <summary>One trial on a line, its doubles as bits.</summary>
    public static string Describe(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var parts = new List<string>
        {
            $"{trial.Number} {trial.State} [{string.Join(" ", trial.Point.Select(Bits))}]",
            trial.Value is { } value ? Bits(value) : "-",
        };
        parts.AddRange(trial.Intermediate.Select(i => $"({i.Step} {Bits(i.Value)})"));
        parts.Add(string.Create(CultureInfo.InvariantCulture,
            $"{trial.Start:o} {trial.Duration} {trial.FailReason} {trial.Strategy} {trial.StrategyReason}"));
        return string.Join(" ", parts);
    }

    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture);
}
