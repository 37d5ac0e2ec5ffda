using System.Globalization;
using Dials;
using Dials.Samplers;
using Dials.Storage;

// usage: Dials.StudyWorker STORAGE STUDY TRIALS SEED OBJECTIVE_MS
//   STORAGE   journal:PATH
//   TRIALS    the study's total budget of finished trials
//   OBJECTIVE_MS  how long each objective call sleeps (so a test can kill a worker mid-trial)
// Prints "started" once the study is open, "trial N" as each trial starts, and "done F" with the study's finished count.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: Dials.StudyWorker STORAGE STUDY TRIALS SEED OBJECTIVE_MS");
    return 2;
}

var storage = StorageSpec.Open(args[0]);
var trials = int.Parse(args[2], CultureInfo.InvariantCulture);
var seed = int.Parse(args[3], CultureInfo.InvariantCulture);
var delay = TimeSpan.FromMilliseconds(int.Parse(args[4], CultureInfo.InvariantCulture));
var study = Study.Create<Point>(new StudyOptions { Name = args[1], Storage = storage, Sampler = new RandomSampler(seed) });
Console.WriteLine("started");

var result = await study.OptimizeAsync(async (point, trial, cancellationToken) =>
{
    Console.WriteLine($"trial {trial.Number}");
    await Task.Delay(delay, cancellationToken);
    return (point.X - 0.3) * (point.X - 0.3);
}, trials: trials);

Console.WriteLine($"done {result.Trials.Count(t => t.State != TrialState.Running)}");
return 0;

/// <summary>One float dimension: enough to exercise storages.</summary>
[Hyperparameters]
public partial record Point
{
    /// <summary>The coordinate.</summary>
    [FloatRange(0, 1)]
    public double X { get; init; } = 0.5;
}

/// <summary>Opens a storage from a "kind:location" string.</summary>
internal static class StorageSpec
{
    public static IStudyStorage Open(string spec) => spec.Split(':', 2) switch
    {
        ["journal", var path] => Storage.JournalFile(path),
        _ => throw new ArgumentException($"Unknown storage '{spec}'; expected journal:PATH."),
    };
}
