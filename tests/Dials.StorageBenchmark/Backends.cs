using Dials.Storage;

namespace Dials.StorageBenchmark;

/// <summary>The storages a benchmark runs on, each a fresh file in one temporary folder deleted at the end.</summary>
internal sealed class Backends : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-storage-bench-").FullName;

    public Backends()
    {
        Dials.Storage.Sqlite.SqliteStorageOpener.Register();
        Dials.Storage.Postgres.PostgresStorageOpener.Register();
        Durable = Environment.GetEnvironmentVariable("DIALS_POSTGRES") is { Length: > 0 }
            ? ["journal", "sqlite", "postgres"]
            : ["journal", "sqlite"];
    }

    /// <summary>The durable storages: journal and SQLite, and PostgreSQL when DIALS_POSTGRES is set.</summary>
    public IReadOnlyList<string> Durable { get; }

    /// <summary>The storage spec of a study file named <paramref name="name"/> on <paramref name="backend"/>; every
    /// PostgreSQL study shares the one database, told apart by study name.</summary>
    public string Spec(string backend, string name) => backend switch
    {
        "journal" => "journal:" + Path.Combine(directory, name + ".jsonl"),
        "sqlite" => "sqlite:" + Path.Combine(directory, name + ".db"),
        _ => "postgres:" + Environment.GetEnvironmentVariable("DIALS_POSTGRES"),
    };

    /// <summary>Opens a storage: a new in-memory one for "memory", else the spec's file.</summary>
    public IStudyStorage Open(string backend, string name) =>
        backend == "memory" ? new InMemoryStorage() : StudyStorageOpeners.Open(StorageLocation.Parse(Spec(backend, name)));

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
