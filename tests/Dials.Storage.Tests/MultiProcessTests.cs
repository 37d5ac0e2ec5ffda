using System.Diagnostics;

namespace Dials.Storage.Tests;

/// <summary>
/// Real worker processes (tools/Dials.StudyWorker) sharing one study through each durable storage: together they
/// finish exactly the study's budget, with unique, gap-free trial numbers, and a killed worker costs no finished trial.
/// </summary>
public sealed class MultiProcessTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-workers-").FullName;

    /// <summary>The specs here name every back end, so the database packages register their openers.</summary>
    public MultiProcessTests()
    {
        Dials.Storage.Sqlite.SqliteStorageOpener.Register();
        Dials.Storage.Postgres.PostgresStorageOpener.Register();
    }

    /// <summary>The durable back ends. PostgreSQL runs where DIALS_POSTGRES names a server (.ci/run starts one) and
    /// is required under CI, where a missing server fails the test instead of leaving it out.</summary>
    public static TheoryData<string> Backends()
    {
        var data = new TheoryData<string> { "journal", "sqlite" };
        if (Environment.GetEnvironmentVariable("DIALS_POSTGRES") is { Length: > 0 } || Environment.GetEnvironmentVariable("CI") == "true")
        {
            data.Add("postgres");
        }

        return data;
    }

    /// <summary>A storage spec of the given kind for a study of its own.</summary>
    private string Spec(string backend, string name) => backend switch
    {
        "journal" => "journal:" + Path.Combine(directory, name + ".jsonl"),
        "sqlite" => "sqlite:" + Path.Combine(directory, name + ".db"),
        _ => "postgres:" + (Environment.GetEnvironmentVariable("DIALS_POSTGRES") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("DIALS_POSTGRES is not set; run `export DIALS_POSTGRES=\"$(bash .ci/postgres)\"` first.")),
    };

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Four_workers_finish_exactly_the_budget_between_them(string backend)
    {
        var study = "shared-" + Guid.NewGuid().ToString("N");
        var spec = Spec(backend, study);
        var workers = Enumerable.Range(0, 4).Select(seed => WorkerProcess.Start(spec, study, trials: 40, seed, objectiveMs: 5)).ToList();
        var outputs = await Task.WhenAll(workers.Select(w => w.WaitAsync()));

        // Each worker stops once no trial is left to start; the last one to finish sees all of them finished.
        var done = outputs.Select(o => int.Parse(o.Split('\n').Single(l => l.StartsWith("done ", StringComparison.Ordinal))[5..])).ToList();
        Assert.Equal(40, done.Max());
        var trials = Dials.Options.StorageSpec.Open(spec).ReadTrials(study);
        Assert.Equal(Enumerable.Range(0, 40), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        var perWorker = outputs.Select(o => o.Split('\n').Count(l => l.StartsWith("trial ", StringComparison.Ordinal))).ToList();
        Assert.Equal(40, perWorker.Sum()); // Every trial was run by exactly one worker.
        Assert.True(perWorker.Count(n => n > 0) >= 2, "the work should be shared: " + string.Join(", ", perWorker));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_worker_joining_a_finished_study_returns_at_once_with_the_full_result(string backend)
    {
        var study = "done-" + Guid.NewGuid().ToString("N");
        var spec = Spec(backend, study);
        await WorkerProcess.Start(spec, study, trials: 5, seed: 1, objectiveMs: 0).WaitAsync();
        var late = await WorkerProcess.Start(spec, study, trials: 5, seed: 2, objectiveMs: 0).WaitAsync();
        Assert.Contains("done 5", late);
        Assert.DoesNotContain("trial ", late);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_worker_killed_mid_trial_loses_no_finished_trial_and_the_study_completes(string backend)
    {
        var study = "killed-" + Guid.NewGuid().ToString("N");
        var spec = Spec(backend, study);
        var victim = WorkerProcess.Start(spec, study, trials: 12, seed: 1, objectiveMs: 0, hangAt: 3);
        await victim.WaitForLineAsync("trial 3");
        victim.Kill(); // kill -9 while trial 3 hangs: trials 0-2 are finished, 3 is left Running.

        var before = Dials.Options.StorageSpec.Open(spec).ReadTrials(study);
        Assert.Equal(TrialState.Running, before[3].State);
        Assert.All(before.Take(3), t => Assert.Equal(TrialState.Complete, t.State));
        await Task.Delay(TimeSpan.FromSeconds(3.5)); // Past the 3 s the worker allows a silent trial.

        await WorkerProcess.Start(spec, study, trials: 12, seed: 2, objectiveMs: 0).WaitAsync();

        var after = Dials.Options.StorageSpec.Open(spec).ReadTrials(study);
        Assert.Equal(Enumerable.Range(0, 13), after.Select(t => t.Number)); // The stale trial does not count: 12 + 1.
        Assert.Equal(before.Take(3).Select(t => t.Value), after.Take(3).Select(t => t.Value));
        Assert.Equal(TrialState.Failed, after[3].State);
        Assert.Contains("no heartbeat", after[3].FailReason);
        Assert.Equal(after[3].Point, after[4].Point); // Retried once, with the same parameters, ahead of new points.
        Assert.All(after.Where(t => t.Number != 3), t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_rerun_started_right_after_a_crash_still_completes_the_whole_budget(string backend)
    {
        var study = "rerun-" + Guid.NewGuid().ToString("N");
        var spec = Spec(backend, study);
        var victim = WorkerProcess.Start(spec, study, trials: 12, seed: 1, objectiveMs: 0, hangAt: 3);
        await victim.WaitForLineAsync("trial 3");
        victim.Kill();

        // At once: trial 3 is not yet stale, so the rerun fills the rest of the budget, then waits for trial 3 to go
        // quiet for the worker's 3 s, fails it and runs its point again in its place.
        var rerun = await WorkerProcess.Start(spec, study, trials: 12, seed: 2, objectiveMs: 0).WaitAsync();

        var after = Dials.Options.StorageSpec.Open(spec).ReadTrials(study);
        Assert.Contains("done 13", rerun);
        Assert.Equal(12, after.Count(t => t.State == TrialState.Complete));
        var stale = Assert.Single(after, t => t.State != TrialState.Complete);
        Assert.Equal(3, stale.Number);
        Assert.Contains("no heartbeat", stale.FailReason);
        Assert.Equal(stale.Point, after[^1].Point); // The retry ran last, once the dead trial was found.
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

/// <summary>A running study worker process and what it prints.</summary>
internal sealed class WorkerProcess
{
    private readonly Process process;
    private readonly System.Text.StringBuilder lines = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                exited.TrySetResult();
                return;
            }

            lock (lines)
            {
                lines.Append(e.Data).Append('\n');
            }
        };
        process.BeginOutputReadLine();
    }

    private string Output
    {
        get
        {
            lock (lines)
            {
                return lines.ToString();
            }
        }
    }

    public static WorkerProcess Start(string storage, string study, int trials, int seed, int objectiveMs, int? hangAt = null)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "Dials.StudyWorker.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { worker, storage, study, $"{trials}", $"{seed}", $"{objectiveMs}" })
        {
            start.ArgumentList.Add(argument);
        }

        if (hangAt is { } hang)
        {
            start.ArgumentList.Add($"{hang}");
        }

        return new WorkerProcess(Process.Start(start)!);
    }

    public async Task<string> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await exited.Task.WaitAsync(timeout.Token);
        var text = Output;
        Assert.True(process.ExitCode == 0, $"worker exited {process.ExitCode}: {text}{await process.StandardError.ReadToEndAsync()}");
        return text;
    }

    /// <summary>Waits until the worker has printed <paramref name="line"/> (it polls: the test is bounded by a timeout).</summary>
    public async Task WaitForLineAsync(string line)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!Output.Split('\n').Contains(line))
        {
            Assert.False(process.HasExited, $"worker exited before printing '{line}': {Output}");
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Kills the worker at once (SIGKILL): no cleanup, no flush, as a crash or kill -9 would.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }
}
