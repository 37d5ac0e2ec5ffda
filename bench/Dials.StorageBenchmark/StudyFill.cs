using Dials.Storage;

namespace Dials.StorageBenchmark;

/// <summary>
/// Builds a study of many finished trials fast: the first trial goes through the public API (it creates the study,
/// the file and the tables as a real run would), the rest are written in bulk in the storage's own format, since
/// filling through the API would spend a disk sync per trial (an hour for 100,000 SQLite trials on this disk).
/// </summary>
internal static class StudyFill
{
    /// <summary>Fills study <paramref name="name"/> on <paramref name="backend"/> to <paramref name="size"/> finished
    /// trials, and closes it (in memory: keeps its one storage, which <see cref="Backends.Open"/> hands out again).</summary>
    public static void Fill(Backends backends, string backend, string name, int size)
    {
        var storage = backends.Open(backend, name);
        BenchStudy.AskTell(BenchStudy.Open(storage, name));
        if (backend == "memory")
        {
            // The storage API without the study: create, point, finish, which read nothing.
            for (var n = 1; n < size; n++)
            {
                var x = FillPoint(n);
                var created = storage.CreateTrial(name, DateTimeOffset.UtcNow, null)!;
                storage.SetTrialPoint(name, created.Number, [x], "random", null);
                storage.FinishTrial(name, created.Number, TrialState.Complete, x * x, TimeSpan.FromMilliseconds(1), null);
            }

            return;
        }

        (storage as IDisposable)?.Dispose();
        if (backend == "journal")
        {
            JournalFill.Append(backends.File(backend, name), name, size);
        }
        else
        {
            SqlFill.Insert(backends, backend, name, size);
        }
    }

    /// <summary>The point of filled trial <paramref name="n"/>: spread over [0, 1), the same on every storage (the SQL
    /// fill computes it in SQL).</summary>
    public static double FillPoint(int n) => ((n * 7919L) % 100_000) / 100_000.0;
}
