using System.Diagnostics;

namespace Dials.Storage.Tests;

/// <summary>
/// Real worker processes (tests/Dials.StudyWorker) sharing one study through a durable storage: together they finish
/// exactly the study's budget, with unique, gap-free trial numbers.
/// </summary>
public sealed class MultiProcessTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-workers-").FullName;

    [Fact]
    public async Task Four_journal_workers_finish_exactly_the_budget_between_them()
    {
        var spec = "journal:" + Path.Combine(directory, "shared.jsonl");
        var workers = Enumerable.Range(0, 4).Select(seed => WorkerProcess.Start(spec, "shared", trials: 40, seed, objectiveMs: 5)).ToList();
        var outputs = await Task.WhenAll(workers.Select(w => w.WaitAsync()));

        // Each worker stops once no trial is left to start; the last one to finish sees all of them finished.
        var done = outputs.Select(o => int.Parse(o.Split('\n').Single(l => l.StartsWith("done ", StringComparison.Ordinal))[5..])).ToList();
        Assert.Equal(40, done.Max());
        var trials = Storage.JournalFile(Path.Combine(directory, "shared.jsonl")).ReadTrials("shared");
        Assert.Equal(Enumerable.Range(0, 40), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        var perWorker = outputs.Select(o => o.Split('\n').Count(l => l.StartsWith("trial ", StringComparison.Ordinal))).ToList();
        Assert.Equal(40, perWorker.Sum()); // Every trial was run by exactly one worker.
        Assert.True(perWorker.Count(n => n > 0) >= 2, "the work should be shared: " + string.Join(", ", perWorker));
    }

    [Fact]
    public async Task A_worker_joining_a_finished_study_returns_at_once_with_the_full_result()
    {
        var spec = "journal:" + Path.Combine(directory, "done.jsonl");
        await WorkerProcess.Start(spec, "done", trials: 5, seed: 1, objectiveMs: 0).WaitAsync();
        var late = await WorkerProcess.Start(spec, "done", trials: 5, seed: 2, objectiveMs: 0).WaitAsync();
        Assert.Contains("done 5", late);
        Assert.DoesNotContain("trial ", late);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

/// <summary>A running study worker process and what it prints.</summary>
internal sealed class WorkerProcess
{
    private readonly Process process;
    private readonly Task<string> output;

    private WorkerProcess(Process process)
    {
        this.process = process;
        output = process.StandardOutput.ReadToEndAsync();
    }

    public static WorkerProcess Start(string storage, string study, int trials, int seed, int objectiveMs)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "Dials.StudyWorker.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { worker, storage, study, $"{trials}", $"{seed}", $"{objectiveMs}" })
        {
            start.ArgumentList.Add(argument);
        }

        return new WorkerProcess(Process.Start(start)!);
    }

    public async Task<string> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        Assert.True(process.ExitCode == 0, $"worker exited {process.ExitCode}: {text}{await process.StandardError.ReadToEndAsync()}");
        return text;
    }

    /// <summary>Waits until the worker prints a line starting with <paramref name="prefix"/>... then kills it (kill -9).</summary>
    public void Kill() => process.Kill(entireProcessTree: true);
}
