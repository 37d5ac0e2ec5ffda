using System.Diagnostics;
using System.Globalization;
using Dials;
using Dials.Samplers;
using Dials.Options;

// dotnet run -c Release --project tests/Dials.StorageBenchmark [TRIALS [OBJECTIVE_MS [BACKENDS [ROUNDS]]]]
// 1. In one process: a study of TRIALS trivial trials on each storage, against in-memory as the baseline.
// 2. Worker processes: TRIALS trials shared by 1 and by 4 worker processes on each durable storage, each objective
//    call sleeping OBJECTIVE_MS (0: a trivial objective); BACKENDS (journal,sqlite) picks the storages, and ROUNDS
//    repeats the 1-worker and 4-worker runs, alternating, one row per round (on a busy machine, compare medians).
// dotnet run -c Release --project tests/Dials.StorageBenchmark reopen [TRIALS [REPEATS]]
//    Reopening a journal study of TRIALS (100000) finished trials, and ask+tell after it (ReopenBenchmark.cs).
// Prints Markdown tables; needs DIALS_POSTGRES for the PostgreSQL rows. The study is the worker's one-dimension Point.
// The database storages at scale: `sql-scale TRIALS` and `sql-workers TRIALS OBJECTIVE_MS` (see SqlScaleBenchmark).
if (args is ["sql-scale" or "sql-workers", ..])
{
    var scratch = Directory.CreateTempSubdirectory("dials-storage-scale-").FullName;
    var size = int.Parse(args[1], CultureInfo.InvariantCulture);
    if (args[0] == "sql-scale")
    {
        SqlScaleBenchmark.Scale(size, scratch);
    }
    else
    {
        SqlScaleBenchmark.Workers(size, int.Parse(args[2], CultureInfo.InvariantCulture), scratch);
    }

    Directory.Delete(scratch, recursive: true);
    return;
}

if (args is ["reopen", ..])
{
    ReopenBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
    return;
}

var trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var objectiveMs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
var directory = Directory.CreateTempSubdirectory("dials-storage-bench-").FullName;
var backends = args.Length > 2 ? [.. args[2].Split(',')] : new List<string> { "journal", "sqlite" };
if (args.Length <= 2 && Environment.GetEnvironmentVariable("DIALS_POSTGRES") is { Length: > 0 })
{
    backends.Add("postgres");
}

string Spec(string backend, string name) => backend switch
{
    "journal" => "journal:" + Path.Combine(directory, name + ".jsonl"),
    "sqlite" => "sqlite:" + Path.Combine(directory, name + ".db"),
    _ => "postgres:" + Environment.GetEnvironmentVariable("DIALS_POSTGRES"),
};

double InProcess(string? spec)
{
    var study = Study.Create<Point>(new StudyOptions
    {
        Name = "inproc-" + Guid.NewGuid().ToString("N"),
        Sampler = new RandomSampler(1),
        Storage = spec is null ? null : StorageSpec.Open(spec),
    });
    var clock = Stopwatch.StartNew();
    study.OptimizeAsync(p => p.X * p.X, trials: trials).GetAwaiter().GetResult();
    return clock.Elapsed.TotalSeconds;
}

// Seconds for the whole run, and the steady rate: trials started once every worker was up (had printed "started"),
// per second from then to the end, so that process start-up and JIT, which four processes pay four times on a
// shared machine, stay out of the comparison of the lock's hand-over.
(double Seconds, double SteadyRate) Workers(string backend, int count)
{
    var name = $"workers{count}-" + Guid.NewGuid().ToString("N");
    var spec = Spec(backend, name);
    var worker = Path.Combine(AppContext.BaseDirectory, "Dials.StudyWorker.dll");
    var gate = new object();
    var up = 0;
    var steadyTrials = 0;
    TimeSpan? allUp = null;
    var clock = Stopwatch.StartNew();
    var processes = Enumerable.Range(0, count).Select(seed =>
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var argument in new[] { worker, spec, name, $"{trials}", $"{seed}", $"{objectiveMs}" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            lock (gate)
            {
                if (e.Data == "started" && ++up == count)
                {
                    allUp = clock.Elapsed;
                }
                else if (allUp is not null && e.Data?.StartsWith("trial ", StringComparison.Ordinal) == true)
                {
                    steadyTrials++;
                }
            }
        };
        process.BeginOutputReadLine();
        return process;
    }).ToList();
    processes.ForEach(p => p.WaitForExit());
    var seconds = clock.Elapsed.TotalSeconds;
    lock (gate)
    {
        return (seconds, steadyTrials / (seconds - (allUp ?? TimeSpan.Zero).TotalSeconds));
    }
}

InProcess(null); // Warm-up: JIT and first-use costs stay out of the measurements.
var baseline = InProcess(null);
Console.WriteLine($"{trials} trials of a trivial objective, one process (in-memory baseline {baseline:F3} s):");
Console.WriteLine();
Console.WriteLine("| storage | seconds | trials/s | cost vs in-memory |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| in-memory | {baseline:F3} | {trials / baseline:F0} | 1.0x |");
foreach (var backend in backends)
{
    InProcess(Spec(backend, "warm-" + backend));
    var seconds = InProcess(Spec(backend, "inproc-" + backend));
    Console.WriteLine($"| {backend} | {seconds:F3} | {trials / seconds:F0} | {seconds / baseline:F1}x |");
}

Console.WriteLine();
Console.WriteLine($"{trials} trials of a {objectiveMs} ms objective shared by worker processes (process start-up included):");
Console.WriteLine();
Console.WriteLine("| storage | 1 worker: trials/s | 4 workers: trials/s | 4 vs 1 | steady, all workers up: 1 worker | 4 workers | 4 vs 1 |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var backend in backends)
{
    for (var round = 0; round < rounds; round++)
    {
        var one = Workers(backend, 1);
        var four = Workers(backend, 4);
        Console.WriteLine($"| {backend} | {trials / one.Seconds:F0} | {trials / four.Seconds:F0} | {one.Seconds / four.Seconds:F2}x | {one.SteadyRate:F0} | {four.SteadyRate:F0} | {four.SteadyRate / one.SteadyRate:F2}x |");
    }
}

Directory.Delete(directory, recursive: true);
