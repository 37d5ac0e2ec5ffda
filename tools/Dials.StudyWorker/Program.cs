using System.Globalization;
using Dials;
using Dials.Samplers;
using Dials.Storage;

// usage: Dials.StudyWorker STORAGE STUDY TRIALS SEED OBJECTIVE_MS [HANG_AT]
//   STORAGE   journal:PATH | sqlite:PATH | postgres:CONNECTION
//   TRIALS    the study's total budget of finished trials
//   OBJECTIVE_MS  how long each objective call sleeps
//   HANG_AT   a trial number whose objective never returns, so a test can kill the worker mid-trial
// Prints "started" once the study is open, "trial N" as each trial starts, "done F" with the study's finished count,
// and "cpu MS", the process's CPU time (the storage benchmark adds it up over the workers).
if (args.Length is not (5 or 6))
{
    Console.Error.WriteLine("usage: Dials.StudyWorker STORAGE STUDY TRIALS SEED OBJECTIVE_MS [HANG_AT]");
    return 2;
}

Dials.Storage.Sqlite.SqliteStorageOpener.Register();
Dials.Storage.Postgres.PostgresStorageOpener.Register();
var storage = StudyStorageOpeners.Open(StorageLocation.Parse(args[0]));
var trials = int.Parse(args[2], CultureInfo.InvariantCulture);
var seed = int.Parse(args[3], CultureInfo.InvariantCulture);
var delay = TimeSpan.FromMilliseconds(int.Parse(args[4], CultureInfo.InvariantCulture));
int? hangAt = args.Length == 6 ? int.Parse(args[5], CultureInfo.InvariantCulture) : null;
var study = Study.Create<Point>(new StudyOptions
{
    Name = args[1],
    Storage = storage,
    Sampler = new RandomSampler(seed),
    // Short, so the kill tests run quickly: a killed worker's trial is failed 3 s after its last heartbeat
    // (long enough that a cold worker on a loaded machine is never taken for a dead one).
    HeartbeatInterval = TimeSpan.FromMilliseconds(100),
    StaleAfter = TimeSpan.FromSeconds(3),
    RetryStaleTrials = true,
});
Console.WriteLine("started");

var result = await study.OptimizeAsync(async (point, trial, cancellationToken) =>
{
    Console.WriteLine($"trial {trial.Number}");
    await Task.Delay(trial.Number == hangAt ? Timeout.InfiniteTimeSpan : delay, cancellationToken);
    return (point.X - 0.3) * (point.X - 0.3);
}, trials: trials);

Console.WriteLine($"done {result.Trials.Count(t => t.State != TrialState.Running)}");
Console.WriteLine(FormattableString.Invariant($"cpu {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0}"));
return 0;

/// <summary>One float dimension: enough to exercise storages.</summary>
[Hyperparameters]
public partial record Point
{
    /// <summary>The coordinate.</summary>
    [FloatRange(0, 1)]
    public double X { get; init; } = 0.5;
}
