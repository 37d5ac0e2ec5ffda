using Dials.Samplers;

namespace Dials.Tuner.Tests;

/// <summary>The progress callback of OptimizeAsync: once per finished trial, after the trial is recorded, with the
/// count against the budget and the best so far.</summary>
public sealed class ProgressTests
{
    /// <summary>Keeps every report; checks that the study never overlaps its calls.</summary>
    private sealed class Recorder : IProgress<StudyProgress>
    {
        private int inside;

        public List<StudyProgress> Reports { get; } = [];

        public bool Overlapped { get; private set; }

        public void Report(StudyProgress value)
        {
            if (Interlocked.Increment(ref inside) > 1)
            {
                Overlapped = true;
            }

            Thread.Sleep(1);
            Reports.Add(value);
            Interlocked.Decrement(ref inside);
        }
    }

    private sealed class Throwing(Func<StudyProgress, bool> when) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value)
        {
            if (when(value))
            {
                throw new InvalidOperationException("the display broke");
            }
        }
    }

    [Fact]
    public async Task Every_finished_trial_is_reported_once_with_the_count_and_the_best_so_far_under_parallelism()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(4) });
        var progress = new Recorder();

        var result = await study.OptimizeAsync(async (toy, trial, _) =>
        {
            await Task.Yield();
            return trial.Number % 5 == 4 ? throw new TrialPrunedException() : toy.X * toy.X;
        }, progress, trials: 30, parallelism: 4);

        Assert.False(progress.Overlapped);
        Assert.Equal(Enumerable.Range(0, 30), progress.Reports.Select(r => r.Trial.Number).Order());
        Assert.All(progress.Reports, r => Assert.Equal(30, r.Budget));
        // Reports never overlap and read the storage in turn, so the count never goes back and ends at the budget.
        Assert.Equal(progress.Reports.Select(r => r.Finished).Order(), progress.Reports.Select(r => r.Finished));
        Assert.All(progress.Reports, r => Assert.InRange(r.Finished, 1, 30));
        Assert.Equal(30, progress.Reports[^1].Finished);
        Assert.Equal(result.Best.Number, progress.Reports[^1].Best!.Number);
        foreach (var report in progress.Reports)
        {
            Assert.NotEqual(TrialState.Running, report.Trial.State);
            Assert.Equal(report.Trial.Number % 5 == 4 ? TrialState.Pruned : TrialState.Complete, report.Trial.State);
            // The best so far is no worse than this trial, and a new best is this trial.
            Assert.True(report.Best!.Value <= (report.Trial.Value ?? double.PositiveInfinity));
            Assert.Equal(report.Best.Number == report.Trial.Number, report.IsNewBest);
        }
    }

    [Fact]
    public async Task The_synchronous_overload_reports_too_and_a_study_without_a_budget_says_so()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new GridSampler(seed: 0) });
        var progress = new Recorder();

        // No budget: the grid's 100 points end the study.
        var result = await study.OptimizeAsync(toy => toy.X, progress, trials: null);

        Assert.Equal(result.Trials.Count, progress.Reports.Count);
        Assert.All(progress.Reports, r => Assert.Null(r.Budget));
        Assert.Equal(Enumerable.Range(1, progress.Reports.Count), progress.Reports.Select(r => r.Finished));
    }

    [Fact]
    public async Task A_throwing_callback_loses_no_trial_and_stops_the_study_with_its_exception()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(5) });

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            study.OptimizeAsync(toy => toy.X, new Throwing(p => p.Trial.Number == 2), trials: 10));

        Assert.Equal("the display broke", thrown.Message);
        var trials = study.GetResult().Trials;
        Assert.Equal(3, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.NotNull(trials[2].Value);
    }

    [Fact]
    public async Task A_throwing_callback_under_parallelism_leaves_every_started_trial_finished()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(6) });

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            study.OptimizeAsync(toy => toy.X, new Throwing(p => p.Finished >= 5), trials: 40, parallelism: 4));

        var trials = study.GetResult().Trials;
        Assert.InRange(trials.Count, 5, 40);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void Console_progress_writes_one_plain_line_per_trial()
    {
        var text = new StringWriter();
        var display = new ConsoleProgress(text);
        var parameters = new Dictionary<string, object> { ["X"] = 1.5 };
        var first = new TrialResult(0, TrialState.Complete, 0.25, parameters, [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1.2), null);
        var second = new TrialResult(1, TrialState.Failed, null, parameters, [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(0.5), "diverged");

        display.Report(new StudyProgress(first, 1, 40, first));
        display.Report(new StudyProgress(second, 2, null, first));

        Assert.Equal(
            "trial 0 complete 0.25 in 1.2 s; 1/40 finished; best 0.25 (trial 0, new best)" + Environment.NewLine +
            "trial 1 failed (diverged) in 0.5 s; 2 finished; best 0.25 (trial 0)" + Environment.NewLine,
            text.ToString());
        Assert.DoesNotContain("\u001b", text.ToString(), StringComparison.Ordinal);
    }
}
