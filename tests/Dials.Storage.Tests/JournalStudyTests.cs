using System.Collections.Concurrent;
using Dials.Samplers;

namespace Dials.Storage.Tests;

/// <summary>Studies kept in a journal file: resumed by later runs, and undisturbed by a torn last line.</summary>
public sealed class JournalStudyTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-journal-study-").FullName;
    private readonly ConcurrentQueue<string> warnings = new();

    private string Journal => Path.Combine(directory, "runs", "quadratic.jsonl");

    [Fact]
    public async Task A_later_run_resumes_the_study_to_its_total_budget()
    {
        var first = await Open().OptimizeAsync(Quadratic.Value, trials: 12);
        Assert.Equal(12, first.Trials.Count);

        var second = await Open().OptimizeAsync(Quadratic.Value, trials: 30);

        Assert.Equal(Enumerable.Range(0, 30), second.Trials.Select(t => t.Number));
        Assert.All(second.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(first.Trials.Select(t => t.Value), second.Trials.Take(12).Select(t => t.Value));
        Assert.True(second.Best.Value <= first.Best.Value);

        var third = await Open().OptimizeAsync(Quadratic.Value, trials: 30); // The budget is spent: nothing more runs.
        Assert.Equal(30, third.Trials.Count);
    }

    [Fact]
    public async Task A_torn_last_line_is_skipped_with_a_warning_and_loses_no_finished_trial()
    {
        await Open().OptimizeAsync(Quadratic.Value, trials: 8);
        File.AppendAllText(Journal, "{\"op\":\"finish\",\"study\":\"quadr"); // kill -9 in the middle of a write

        var resumed = await Open().OptimizeAsync(Quadratic.Value, trials: 10);

        Assert.Equal(Enumerable.Range(0, 10), resumed.Trials.Select(t => t.Number));
        Assert.All(resumed.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Contains(warnings, w => w.Contains("torn record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrupted_line_in_the_middle_is_skipped_with_a_warning_and_the_rest_is_kept()
    {
        await Open().OptimizeAsync(Quadratic.Value, trials: 6);
        var lines = File.ReadAllLines(Journal).ToList();
        var firstFinish = lines.FindIndex(l => l.Contains("\"finish\"", StringComparison.Ordinal));
        lines[firstFinish] = "\u0000\u0000garbage from a bad disk sector";
        File.WriteAllLines(Journal, lines);

        var trials = new JournalStorage(Journal, warnings.Enqueue).ReadTrials("quadratic");

        Assert.Contains(warnings, w => w.Contains("unreadable record", StringComparison.Ordinal));
        Assert.Equal(6, trials.Count);
        Assert.Equal(TrialState.Running, trials[0].State); // Its finish record was the corrupted line...
        Assert.All(trials.Skip(1), t => Assert.Equal(TrialState.Complete, t.State)); // ...every other trial is intact.
    }

    [Fact]
    public async Task A_journal_of_another_search_space_is_refused_by_name()
    {
        await Open().OptimizeAsync(Quadratic.Value, trials: 2);
        var other = new SearchSpace<Quadratic>(
            [Dimension.Float("X", -1, 1), Dimension.Categorical("Kind", ["a", "b"])],
            () => new Quadratic(), (c, i) => i == 0 ? c.X : c.Kind, (p, d) => d);
        var error = Assert.Throws<ArgumentException>(() => Study.Create(other, Options()));
        Assert.Contains("X", error.Message);
    }

    [Fact]
    public void Each_operation_is_one_line_of_json()
    {
        var study = Open();
        var trial = study.Ask();
        trial.Report(1, 0.5);
        study.Tell(trial, 0.25);

        var lines = File.ReadAllLines(Journal);
        Assert.Equal(["study", "trial", "point", "report", "finish"], lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("op").GetString()));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private Study<Quadratic> Open() => Study.Create<Quadratic>(Options());

    private StudyOptions Options() => new()
    {
        Name = "quadratic",
        Sampler = new RandomSampler(seed: 7),
        Storage = new JournalStorage(Journal, warnings.Enqueue),
    };
}
