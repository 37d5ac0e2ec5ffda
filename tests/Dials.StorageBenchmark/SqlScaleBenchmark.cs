using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dials;
using Dials.Samplers;
using Dials.Storage;
using Dials.Storage.Postgres;
using Dials.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// The database storages at scale, the figures of the targets in docs/benchmarks.md:
/// <c>sql-scale TRIALS</c> fills one study to TRIALS trials (random points, trivial objective), then times reopening it (a
/// new storage, its first read) and ask+tell at that size with the random sampler, with and without heartbeats (whose
/// stale sweep runs before every ask), against the same study in memory;
/// <c>sql-workers TRIALS OBJECTIVE_MS</c> times TRIALS trials shared by 1 and by 4 worker processes on one SQLite file
/// (and PostgreSQL when DIALS_POSTGRES is set), each objective sleeping OBJECTIVE_MS.
/// </summary>
internal static class SqlScaleBenchmark
{
    private const int Measured = 500;
    private const int BaselineTrials = 10_000;

    public static void Scale(int trials, string directory)
    {
        var backends = new List<(string Name, Func<IStudyStorage> Open, Func<DbConnection> Connect, string Fill)>
        {
            ("sqlite", () => new SqliteStorage(Path.Combine(directory, "scale.db")),
                () => new SqliteConnection($"Data Source={Path.Combine(directory, "scale.db")}"), SqliteFill),
        };
        if (Environment.GetEnvironmentVariable("DIALS_POSTGRES") is { Length: > 0 } postgres)
        {
            backends.Add(("postgres", () => new PostgresStorage(postgres), () => new NpgsqlConnection(postgres), PostgresFill));
        }

        var sync = DiskSync(directory);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"One disk sync (4 KB write + fsync) in the study's directory, now: {sync:F2} ms (median of 100); a trial's result waits for one."));
        Console.WriteLine($"A study of {trials} trials (random sampler, trivial objective), per back end; ask+tell over {Measured} trials:");
        Console.WriteLine();
        Console.WriteLine("| storage | ask+tell, ms (median / p95) | CPU ms per ask+tell | same, heartbeats on (median / p95) | reopen: new storage, open the study and read every trial, s |");
        Console.WriteLine("|---|---|---|---|---|");

        // The baseline: a study in memory, filled through the API (which is slow at this size: up to BaselineTrials).
        var memory = Create(new InMemoryStorage(), "scale", heartbeats: false);
        var baselineTrials = Math.Min(trials, BaselineTrials);
        for (var i = 0; i < baselineTrials; i++)
        {
            AskTell(memory);
        }

        var baseline = Times(memory);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| in-memory ({baselineTrials} trials) | {baseline.Median:F2} / {baseline.P95:F2} | {baseline.Cpu:F2} | | |"));
        foreach (var (name, open, connect, fill) in backends)
        {
            // One trial through the API (it creates the tables and the study), the rest copied from it by one INSERT:
            // filling through the API would spend one disk sync per trial.
            var studyName = "scale-" + Guid.NewGuid().ToString("N");
            AskTell(Create(open(), studyName, heartbeats: false));
            using (var connection = connect())
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = fill;
                foreach (var (parameter, value) in new (string, object)[] { ("@name", studyName), ("@count", trials) })
                {
                    var p = command.CreateParameter();
                    p.ParameterName = parameter;
                    p.Value = value;
                    command.Parameters.Add(p);
                }

                command.ExecuteNonQuery();
            }

            var reopen = Stopwatch.StartNew();
            var study = Create(open(), studyName, heartbeats: false);
            var count = study.Storage.ReadTrials(studyName).Count;
            var reopenSeconds = reopen.Elapsed.TotalSeconds;
            var plain = Times(study);
            var withHeartbeats = Times(Create(study.Storage, studyName, heartbeats: true));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} ({count} trials at reopening) | {plain.Median:F2} / {plain.P95:F2} | {plain.Cpu:F2} | {withHeartbeats.Median:F2} / {withHeartbeats.P95:F2} | {reopenSeconds:F2} |"));
            (study.Storage as IDisposable)?.Dispose();
        }
    }

    // Trials 1 .. @count-1 as copies of trial 0 with fresh points, values and change numbers; then the study's counters.
    // PostgreSQL then gathers statistics, as its autovacuum does for a table that grew through a long study (SQLite
    // has none unless asked, and Dials never asks).
    private const string SqliteFill = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count - 1),
        s(id) AS (SELECT id FROM dials_studies WHERE name = @name)
        INSERT INTO dials_trials (study_id, number, state, point, value, start_utc_ticks, start_offset_minutes, last_seen_utc_ticks,
            duration_ticks, strategy, change_seq)
        SELECT t.study_id, i, t.state, '[' || ((i * 7919) % 100000) / 100000.0 || ']', (((i * 7919) % 100000) / 100000.0) * (((i * 7919) % 100000) / 100000.0),
            t.start_utc_ticks, t.start_offset_minutes, t.last_seen_utc_ticks, t.duration_ticks, t.strategy, t.change_seq + i
        FROM n, s JOIN dials_trials t ON t.study_id = s.id AND t.number = 0;
        UPDATE dials_studies SET next_trial = @count, change_seq = change_seq + @count WHERE name = @name;
        """;

    private const string PostgresFill = """
        INSERT INTO dials_trials (study_id, number, state, point, value, start_utc_ticks, start_offset_minutes, last_seen_utc_ticks,
            duration_ticks, strategy, change_seq)
        SELECT t.study_id, i, t.state, '[' || ((i * 7919) % 100000) / 100000.0 || ']', (((i * 7919) % 100000) / 100000.0) ^ 2,
            t.start_utc_ticks, t.start_offset_minutes, t.last_seen_utc_ticks, t.duration_ticks, t.strategy, t.change_seq + i
        FROM generate_series(1, @count - 1) AS i, dials_studies s JOIN dials_trials t ON t.study_id = s.id AND t.number = 0
        WHERE s.name = @name;
        UPDATE dials_studies SET next_trial = @count, change_seq = change_seq + @count WHERE name = @name;
        ANALYZE dials_trials;
        """;

    public static void Workers(int trials, int objectiveMs, string directory)
    {
        var backends = new List<string> { "sqlite:" + Path.Combine(directory, "{0}.db") };
        if (Environment.GetEnvironmentVariable("DIALS_POSTGRES") is { Length: > 0 } postgres)
        {
            backends.Add("postgres:" + postgres);
        }

        Console.WriteLine($"{trials} trials of a {objectiveMs} ms objective shared by worker processes; trials/s over the whole run " +
            "(process start-up included) and in the steady state (from the moment every worker has its study open):");
        Console.WriteLine();
        Console.WriteLine("| storage | 1 worker: trials/s (whole / steady) | 4 workers: trials/s (whole / steady) | 4 vs 1 (whole / steady) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var backend in backends)
        {
            var one = Run(backend, 1, trials, objectiveMs);
            var four = Run(backend, 4, trials, objectiveMs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {backend.Split(':')[0]} | {trials / one.Total:F0} / {trials / one.Steady:F0} | {trials / four.Total:F0} / {trials / four.Steady:F0} | " +
                $"{one.Total / four.Total:F2}x / {one.Steady / four.Steady:F2}x |"));
        }
    }

    private static double DiskSync(string directory)
    {
        var path = Path.Combine(directory, "sync-probe");
        var times = new double[100];
        using (var file = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite))
        {
            var block = new byte[4096];
            for (var i = 0; i < times.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                RandomAccess.Write(file, block, i * (long)block.Length);
                RandomAccess.FlushToDisk(file);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        File.Delete(path);
        Array.Sort(times);
        return times[times.Length / 2];
    }

    private static Study<Point> Create(IStudyStorage storage, string name, bool heartbeats) => Study.Create<Point>(new StudyOptions
    {
        Name = name,
        Sampler = new RandomSampler(1),
        Storage = storage,
        LoadIfExists = true,
        // Long enough never to fire during a trial of this benchmark: what it adds is the stale sweep before each ask.
        HeartbeatInterval = heartbeats ? TimeSpan.FromSeconds(10) : null,
    });

    private static void AskTell(Study<Point> study)
    {
        var trial = study.Ask();
        study.Tell(trial, trial.Config.X * trial.Config.X);
    }

    private static (double Median, double P95, double Cpu) Times(Study<Point> study)
    {
        // Warm-up: the JIT's optimised code and the pools' connections, as a long study would run with.
        for (var i = 0; i < Measured / 2; i++)
        {
            AskTell(study);
        }

        var times = new double[Measured];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var collections = GC.CollectionCount(2);
        for (var i = 0; i < Measured; i++)
        {
            var clock = Stopwatch.StartNew();
            AskTell(study);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Measured;
        Console.Error.WriteLine($"{GC.CollectionCount(2) - collections} full collections in {Measured} ask+tell");
        Array.Sort(times);
        return (times[Measured / 2], times[Measured * 95 / 100], cpuMs);
    }

    /// <summary>Runs the workers; returns the seconds from start to the last exit, and from the moment every worker
    /// had its study open to the last one's "done" (the steady state, without process start-up).</summary>
    private static (double Total, double Steady) Run(string backend, int count, int trials, int objectiveMs)
    {
        var name = $"workers{count}-" + Guid.NewGuid().ToString("N");
        var spec = string.Format(CultureInfo.InvariantCulture, backend, name);
        var worker = Path.Combine(AppContext.BaseDirectory, "Dials.StudyWorker.dll");
        var clock = Stopwatch.StartNew();
        var started = 0;
        var allStarted = TimeSpan.Zero;
        var lastDone = TimeSpan.Zero;
        var gate = new Lock();
        var processes = Enumerable.Range(0, count).Select(seed =>
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
            foreach (var argument in new[] { worker, spec, name, $"{trials}", $"{seed}", $"{objectiveMs}" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, line) =>
            {
                lock (gate)
                {
                    if (line.Data == "started" && ++started == count)
                    {
                        allStarted = clock.Elapsed;
                    }
                    else if (line.Data?.StartsWith("done", StringComparison.Ordinal) == true)
                    {
                        lastDone = clock.Elapsed;
                    }
                }
            };
            process.BeginOutputReadLine();
            return process;
        }).ToList();
        processes.ForEach(p => p.WaitForExit());
        return (clock.Elapsed.TotalSeconds, (lastDone - allStarted).TotalSeconds);
    }
}
