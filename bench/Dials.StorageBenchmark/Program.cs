using System.Globalization;
using Dials.StorageBenchmark;

// dotnet run -c Release --project bench/Dials.StorageBenchmark -- [throughput [TRIALS [ROUNDS [BACKENDS [OBJECTIVES_MS]]]]]
//   The default. TRIALS (1000) trivial trials per storage in one process against in-memory; then TRIALS trials (at
//   most 500 for a slow objective) shared by 1 and by 4 worker processes (tools/Dials.StudyWorker) on each durable
//   storage, then by 1 and 4 workers in this process (OptimizeAsync's parallelism), for each objective in
//   OBJECTIVES_MS (0,20: trivial and 20 ms), ROUNDS (3) times alternating, with medians. BACKENDS (journal,sqlite[,postgres]) picks the durable storages. DIALS_STUDY_WORKER (a path) runs a
//   published worker instead of the one built here: its .dll (ReadyToRun) or its native executable (NativeAOT); the
//   runtime's DOTNET_* settings (DOTNET_TieredPGO=0) pass on to the workers. See docs/storages.md, "Running many workers".
// dotnet run -c Release --project bench/Dials.StorageBenchmark -- scale [LARGEST]
//   Ask+tell latency (median, p95, CPU) around trial 1,000, 10,000 and LARGEST (100000), as ratios against 1,000 trials
//   in the same run, and the study's reopen time (cold and warm), for in-memory and every durable storage.
// (reopen SPEC STUDY TRIALS: the reopen probe's child process, started by scale.)
// Prints Markdown tables; set DIALS_POSTGRES (a connection string) to add PostgreSQL rows. Study files go to a fresh
// folder under the temporary directory: TMPDIR=/dev/shm keeps fsync out of the figures (see docs/benchmarks.md).
static int Int(string[] args, int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

// Every storage kind is measured, so both database packages register their spec openers first.
Dials.Storage.Sqlite.SqliteStorageOpener.Register();
Dials.Storage.Postgres.PostgresStorageOpener.Register();

if (args is ["reopen", var spec, var study, var trials])
{
    ReopenProbe.Run(spec, study, int.Parse(trials, CultureInfo.InvariantCulture));
    return;
}

var mode = args is [var first, ..] && !char.IsAsciiDigit(first[0]) ? first : "throughput";
var rest = mode == "throughput" && args is [var head, ..] && char.IsAsciiDigit(head[0]) ? args : args.Skip(1).ToArray();
if (mode == "scale")
{
    using var backends = new Backends();
    ScaleBenchmark.Run(backends, Int(rest, 0, 100_000));
}
else if (mode == "throughput")
{
    using var backends = new Backends(rest.Length > 2 ? rest[2].Split(',') : null);
    var objectives = rest.Length > 3 ? rest[3].Split(',').Select(ms => int.Parse(ms, CultureInfo.InvariantCulture)).ToList() : [0, 20];
    ThroughputBenchmark.Run(backends, Int(rest, 0, 1000), Int(rest, 1, 3), objectives);
}
else
{
    Console.Error.WriteLine($"unknown mode {mode}: throughput (the default) or scale");
    Environment.Exit(2);
}
