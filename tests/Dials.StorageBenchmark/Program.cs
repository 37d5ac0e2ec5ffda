using System.Globalization;
using Dials.StorageBenchmark;

// dotnet run -c Release --project tests/Dials.StorageBenchmark -- [TRIALS]
//   Throughput: TRIALS (default 1000) trivial trials per storage in one process against in-memory, then TRIALS trials
//   shared by 1 and by 4 worker processes on each durable storage, with a trivial and with a 20 ms objective.
// dotnet run -c Release --project tests/Dials.StorageBenchmark -- scale [LARGEST]
//   Scale: ask+tell latency around trial 1,000, 10,000 and 100,000 (up to LARGEST) and the time to reopen the study,
//   for in-memory, journal and SQLite, as ratios against the 1,000-trial figure of the same run.
// Prints Markdown tables; set DIALS_POSTGRES (a connection string) to add PostgreSQL rows. Study files go to a fresh
// folder under the temporary directory (TMPDIR=/dev/shm keeps fsync out of the scale figures; see docs/benchmarks.md).
using var backends = new Backends();
if (args is ["scale", ..])
{
    var largest = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    ScaleBenchmark.Run(backends, largest);
}
else
{
    var trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
    ThroughputBenchmark.Run(backends, trials);
}
