using System.Data.Common;
using Dials.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dials.StorageBenchmark;

/// <summary>The storages a benchmark runs on, each study a fresh file in one temporary folder deleted at the end.</summary>
internal sealed class Backends : IDisposable
{
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("dials-storage-bench-").FullName;

    // In memory there is no file to reopen: the one storage object of a study stands for its file.
    private readonly Dictionary<string, IStudyStorage> memory = [];

    /// <param name="only">The durable storages to run on (journal, sqlite, postgres); null: all that can run here.</param>
    public Backends(IReadOnlyList<string>? only = null)
    {
        var postgres = Environment.GetEnvironmentVariable("DIALS_POSTGRES") is { Length: > 0 };
        Durable = only ?? (postgres ? ["journal", "sqlite", "postgres"] : ["journal", "sqlite"]);
        if (Durable.Contains("postgres") && !postgres)
        {
            throw new InvalidOperationException("postgres needs DIALS_POSTGRES (export DIALS_POSTGRES=\"$(bash .ci/postgres)\")");
        }
    }

    /// <summary>The durable storages: journal and SQLite, and PostgreSQL when DIALS_POSTGRES is set.</summary>
    public IReadOnlyList<string> Durable { get; }

    /// <summary>The folder of the study files, where a disk sync is what a trial waits for.</summary>
    public string Directory => directory;

    /// <summary>The file of study <paramref name="name"/> on a file storage (journal, sqlite).</summary>
    public string File(string backend, string name) =>
        Path.Combine(directory, name + (backend == "journal" ? ".jsonl" : ".db"));

    /// <summary>The storage spec of study <paramref name="name"/> on <paramref name="backend"/>; every PostgreSQL study
    /// shares the one database, told apart by study name.</summary>
    public string Spec(string backend, string name) => backend switch
    {
        "journal" or "sqlite" => backend + ":" + File(backend, name),
        _ => "postgres:" + Environment.GetEnvironmentVariable("DIALS_POSTGRES"),
    };

    /// <summary>Opens a storage: for "memory" the study's one in-memory storage, else a new one on the spec's file.</summary>
    public IStudyStorage Open(string backend, string name)
    {
        if (backend != "memory")
        {
            return StudyStorageOpeners.Open(StorageLocation.Parse(Spec(backend, name)));
        }

        if (!memory.TryGetValue(name, out var storage))
        {
            storage = memory[name] = new InMemoryStorage();
        }

        return storage;
    }

    /// <summary>A raw connection to a database storage's file or server, for filling it by SQL.</summary>
    public DbConnection Connect(string backend, string name) => backend == "sqlite"
        ? new SqliteConnection("Data Source=" + File(backend, name))
        : new NpgsqlConnection(Environment.GetEnvironmentVariable("DIALS_POSTGRES"));

    public void Dispose() => System.IO.Directory.Delete(directory, recursive: true);
}
