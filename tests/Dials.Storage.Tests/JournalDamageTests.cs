using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Dials.Samplers;

namespace Dials.Storage.Tests;

/// <summary>
/// Damaged journals, as a bad disk sector, a hand edit or an editor leave them: every line reaches its own trial by
/// number, a bad line costs only its own fact and is reported, and a study never vanishes.
/// </summary>
public sealed class JournalDamageTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-journal-damage-").FullName;
    private readonly ConcurrentQueue<string> warnings = new();

    private string Journal => Path.Combine(directory, "quadratic.jsonl");

    [Fact]
    public async Task A_bad_trial_creation_line_shifts_no_later_trial()
    {
        // The reported symptom: numbering by counting made 10 complete trials read back as 2 complete and 7 Running.
        var original = await WriteStudy(trials: 10);
        var lines = File.ReadAllLines(Journal);
        var creation = Array.FindIndex(lines, l => Op(l) == ("trial", 2));
        lines[creation] = "\u0000\u0000garbage from a bad disk sector";
        File.WriteAllLines(Journal, lines);

        var storage = new JournalStorage(Journal, warnings.Enqueue);
        var trials = storage.ReadTrials("quadratic");

        Assert.Equal(Facts(original), Facts(trials)); // All 10 complete, each with its own point and value.
        Assert.Contains(storage.Damage, d => d.Line == creation + 1 && d.Reason.Contains("unreadable", StringComparison.Ordinal));
        Assert.Contains(storage.Damage, d => d.Trial == 2 && d.Reason.Contains("rebuilt", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains($"line {creation + 1}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Any_one_bad_line_costs_only_its_own_trial_s_fact_and_is_reported_with_its_line_number()
    {
        var original = await WriteStudy(trials: 8);
        var sound = File.ReadAllLines(Journal);
        for (var bad = 1; bad < sound.Length; bad++) // Line 1, the study record, has a test of its own.
        {
            var lines = (string[])sound.Clone();
            var (op, touched) = Op(lines[bad]);
            touched = op == "enqueue" ? 0 : touched; // The queued point was trial 0's.
            lines[bad] = lines[bad][..(lines[bad].Length / 2)] + "#"; // Cut and spoiled: no longer JSON.
            File.WriteAllLines(Journal, lines);

            var storage = new JournalStorage(Journal, _ => { });
            var trials = storage.ReadTrials("quadratic");

            Assert.Equal(original.Count, trials.Count);
            var expected = Facts(original).Where(f => f.Number != touched);
            Assert.Equal(expected, Facts(trials).Where(f => f.Number != touched));
            var damage = storage.Damage;
            // The trial is named when the number is still legible in what is left of the line.
            Assert.Contains(damage, d => d.Line == bad + 1 && (d.Trial == touched || d.Trial is null));
        }
    }

    [Fact]
    public async Task A_trial_whose_point_line_was_lost_cannot_be_the_best_and_is_reported_by_GetResult()
    {
        var written = await WriteStudy(trials: 6, queue: false);
        var best = written.Where(t => t.State == TrialState.Complete).MinBy(t => t.Value)!.Number;
        var lines = File.ReadAllLines(Journal).Where(l => Op(l) != ("point", best)).ToArray();
        File.WriteAllLines(Journal, lines);

        var study = Study.Create<Quadratic>(Options());
        var result = study.GetResult(); // Used to throw, decoding the empty point.

        Assert.Equal([best], result.DamagedTrials);
        Assert.NotEqual(best, result.Best.Number);
        Assert.Equal(TrialState.Complete, result.Trials[best].State);
        var damage = ((JournalStorage)study.Storage).Damage;
        Assert.Contains(damage, d => d.Trial == best && d.Reason.Contains("cannot be the best", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_journal_starting_with_a_byte_order_mark_resumes_its_study()
    {
        await WriteStudy(trials: 4);
        File.WriteAllBytes(Journal, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Journal)]);

        var resumed = await Study.Create<Quadratic>(Options()).OptimizeAsync(Quadratic.Value, trials: 6);

        Assert.Equal(Enumerable.Range(0, 6), resumed.Trials.Select(t => t.Number));
        Assert.Single(File.ReadAllLines(Journal), l => l.Contains("\"op\":\"study\"", StringComparison.Ordinal));
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task A_journal_with_CRLF_line_ends_reads_whole()
    {
        var original = await WriteStudy(trials: 3);
        File.WriteAllText(Journal, File.ReadAllText(Journal).Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(Facts(original), Facts(new JournalStorage(Journal, warnings.Enqueue).ReadTrials("quadratic")));
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("{\"op\":\"study\",\"study\":\"quadr")] // torn
    [InlineData("\u0000\u0000\u0000")] // a zeroed sector
    [InlineData("{\"op\":\"trial\",\"study\":\"quadratic\",\"n\":0}")] // not a study record
    public async Task An_unreadable_study_record_is_an_error_naming_the_file_and_line_never_a_new_study(string firstLine)
    {
        await WriteStudy(trials: 3);
        var lines = File.ReadAllLines(Journal);
        lines[0] = firstLine;
        File.WriteAllLines(Journal, lines);
        var before = File.ReadAllBytes(Journal);

        var error = Assert.Throws<InvalidDataException>(() => Study.Create<Quadratic>(Options()));
        Assert.Contains(Journal, error.Message);
        Assert.Contains("line 1", error.Message);
        Assert.Throws<InvalidDataException>(() => new JournalStorage(Journal, warnings.Enqueue).ReadTrials("quadratic"));
        Assert.Equal(before, File.ReadAllBytes(Journal)); // Nothing was appended: no second study from trial 0.
    }

    [Fact]
    public void A_journal_holding_only_an_unreadable_first_line_is_not_silently_reused()
    {
        File.WriteAllText(Journal, "{\"op\":\"study\",\"stu\n");

        var error = Assert.Throws<InvalidDataException>(() => Study.Create<Quadratic>(Options()));

        Assert.Contains("line 1", error.Message);
        Assert.Equal("{\"op\":\"study\",\"stu\n", File.ReadAllText(Journal));
    }

    [Fact]
    public void A_journal_written_by_version_0_1_still_opens_and_resumes()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "written-by-0.1.jsonl");
        File.Copy(fixture, Journal);
        var storage = new JournalStorage(Journal, warnings.Enqueue);

        Assert.Equal(["other", "quadratic"], storage.ListStudies().Select(s => s.Name));
        var trials = storage.ReadTrials("quadratic");
        Assert.Equal(
            [TrialState.Complete, TrialState.Pruned, TrialState.Failed, .. Enumerable.Repeat(TrialState.Complete, 5), TrialState.Running],
            trials.Select(t => t.State));
        Assert.Equal([1.0, 1.0], trials[0].Point);
        Assert.Equal((TrialRecord.QueuedStrategy, "the known optimum"), (trials[0].Strategy, trials[0].StrategyReason));
        Assert.Equal([1L, 2L], trials[1].Intermediate.Select(i => i.Step));
        Assert.Equal("diverged", trials[2].FailReason);
        Assert.Equal(1.157247216897549, trials[3].Value);
        Assert.Equal((Direction.Maximize, 2.5), (storage.ListStudies()[0].Direction, storage.ReadTrials("other").Single().Value));
        Assert.Empty(storage.Damage);

        var study = Study.Create<Quadratic>(Options());
        var next = study.Ask();
        Assert.Equal(9, next.Number);
        Assert.Equal(0.0, study.GetResult().Best.Value);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task Lines_of_a_study_whose_record_was_lost_make_that_study_an_error_and_leave_the_others_readable()
    {
        await WriteStudy(trials: 2);
        var other = Study.Create<Quadratic>(Options() with { Name = "other" });
        other.Tell(other.Ask(), 1.0);
        var lines = File.ReadAllLines(Journal).ToList();
        var otherRecord = lines.FindIndex(l => l.Contains("\"op\":\"study\",\"study\":\"other\"", StringComparison.Ordinal));
        lines[otherRecord] = "{\"op\":\"st";
        File.WriteAllLines(Journal, lines);

        var storage = new JournalStorage(Journal, warnings.Enqueue);

        Assert.Equal(2, storage.ReadTrials("quadratic").Count);
        var error = Assert.Throws<InvalidDataException>(() => Study.Create<Quadratic>(Options() with { Name = "other" }));
        Assert.Contains($"line {otherRecord + 1}", error.Message);
        Assert.Contains(storage.Damage, d => d.Study == "other");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>A study of <paramref name="trials"/> trials, each reporting a step, trial 3 pruned, and trial 0
    /// queued when <paramref name="queue"/> says.</summary>
    private async Task<IReadOnlyList<TrialRecord>> WriteStudy(int trials, bool queue = true)
    {
        var study = Study.Create<Quadratic>(Options());
        if (queue)
        {
            study.Enqueue(new Quadratic { X = 1, Kind = "b" }, "a known point");
        }

        await study.OptimizeAsync(async (config, trial, _) =>
        {
            trial.Report(1, Quadratic.Value(config) + 1);
            if (trial.Number == 3)
            {
                throw new TrialPrunedException();
            }

            await Task.Yield();
            return Quadratic.Value(config);
        }, trials: trials);
        return study.Storage.ReadTrials("quadratic");
    }

    /// <summary>What a trial is, start time aside (a rebuilt trial's is unknown).</summary>
    private static List<(int Number, TrialState State, double? Value, string Point, string Steps, string? Strategy)> Facts(IEnumerable<TrialRecord> trials) =>
        [.. trials.Select(t => (t.Number, t.State, t.Value, string.Join(",", t.Point), string.Join(",", t.Intermediate.Select(i => i.Step)), t.Strategy))];

    /// <summary>A line's operation and trial number (-1 when it names none).</summary>
    private static (string Op, int Trial) Op(string line)
    {
        var root = JsonDocument.Parse(line).RootElement;
        return (root.GetProperty("op").GetString()!, root.TryGetProperty("n", out var n) ? n.GetInt32() : -1);
    }

    private StudyOptions Options() => new()
    {
        Name = "quadratic",
        Sampler = new RandomSampler(seed: 11),
        Storage = new JournalStorage(Journal, warnings.Enqueue),
    };
}
