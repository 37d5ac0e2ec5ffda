using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dials;
using Dials.Samplers;
using Dials.Storage;

/// <summary>
/// Reopening a long journal study and going on with it: a journal of TRIALS finished trials (written directly, in the
/// journal's own line format, so building it takes no fsync per trial) is opened as a study, then ask+tell runs on.
/// </summary>
internal static class ReopenBenchmark
{
    public static void Run(int trials, int repeats)
    {
        var directory = Directory.CreateTempSubdirectory("dials-reopen-bench-").FullName;
        var journal = Path.Combine(directory, "long.jsonl");
        Write(journal, trials);
        Console.WriteLine($"A journal study of {trials} finished trials ({new FileInfo(journal).Length / 1e6:F1} MB), random sampler:");
        Console.WriteLine();
        Console.WriteLine("| run | reopen (s) | ask+tell after reopen (ms, mean of 1000) | of which ask | one fsync'd append here (ms) |");
        Console.WriteLine("|---|---|---|---|---|");
        for (var run = 0; run < repeats; run++)
        {
            var copy = Path.Combine(directory, $"run{run}.jsonl");
            File.Copy(journal, copy);
            var clock = Stopwatch.StartNew();
            var study = Study.Create<Point>(new StudyOptions { Name = "long", Sampler = new RandomSampler(run), Storage = new JournalStorage(copy) });
            var reopened = study.GetResult().Trials.Count;
            var reopen = clock.Elapsed.TotalSeconds;
            if (reopened != trials)
            {
                throw new InvalidOperationException($"reopened {reopened} trials, not {trials}");
            }

            var asking = new Stopwatch();
            clock.Restart();
            for (var i = 0; i < 1000; i++)
            {
                asking.Start();
                var trial = study.Ask();
                asking.Stop();
                study.Tell(trial, trial.Config.X * trial.Config.X);
            }

            var askTell = clock.Elapsed.TotalMilliseconds / 1000;
            Console.WriteLine($"| {run + 1} | {reopen:F3} | {askTell:F3} | {asking.Elapsed.TotalMilliseconds / 1000:F3} | {Fsync(directory):F3} |");
        }

        Console.WriteLine();
        Console.WriteLine($"The same {trials} trials in memory (baseline: the study's own cost at that size): ask+tell {InMemory(trials):F3} ms.");
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Mean ask+tell (ms) of 1000 trials after <paramref name="trials"/> finished ones, in memory.</summary>
    private static double InMemory(int trials)
    {
        var storage = new InMemoryStorage();
        var study = Study.Create<Point>(new StudyOptions { Name = "long", Sampler = new RandomSampler(1), Storage = storage });
        for (var n = 0; n < trials; n++)
        {
            var created = storage.CreateTrial("long", DateTimeOffset.UnixEpoch, null, false)!;
            storage.SetTrialPoint("long", created.Number, [0.5], "random", null);
            storage.FinishTrial("long", created.Number, TrialState.Complete, 0.25, TimeSpan.FromSeconds(1), null);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            var trial = study.Ask();
            study.Tell(trial, trial.Config.X * trial.Config.X);
        }

        return clock.Elapsed.TotalMilliseconds / 1000;
    }

    /// <summary>What the disk alone costs a finished trial: the mean time of 200 appends of one line, each flushed to
    /// disk as a finish is, in the same folder.</summary>
    private static double Fsync(string directory)
    {
        var path = Path.Combine(directory, "fsync.txt");
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
        var line = Encoding.UTF8.GetBytes("{\"op\":\"finish\",\"study\":\"long\",\"n\":100000,\"value\":0.1,\"state\":\"Complete\"}\n");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }

        return clock.Elapsed.TotalMilliseconds / 200;
    }

    /// <summary>The lines the journal storage writes for a study, its trials, their points and their finishes.</summary>
    private static void Write(string path, int trials)
    {
        var random = new Random(1);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        var space = JsonEncodedText.Encode(Point.SearchSpace.Signature).ToString();
        writer.WriteLine($$"""{"op":"study","study":"long","direction":"Minimize","space":"{{space}}"}""");
        for (var n = 0; n < trials; n++)
        {
            var x = random.NextDouble();
            var at = start.AddSeconds(n).ToString("O", CultureInfo.InvariantCulture);
            writer.WriteLine($$"""{"op":"trial","study":"long","n":{{n}},"at":"{{at}}"}""");
            writer.WriteLine(FormattableString.Invariant($$"""{"op":"point","study":"long","n":{{n}},"point":[{{x:R}}],"strategy":"random"}"""));
            writer.WriteLine(FormattableString.Invariant($$"""{"op":"finish","study":"long","n":{{n}},"value":{{x * x:R}},"state":"Complete","ticks":10000}"""));
        }
    }
}
