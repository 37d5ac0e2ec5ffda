using Dials.Storage;
using Dials.Storage.Postgres;
using Dials.Storage.Sqlite;

namespace Dials.Testing;

/// <summary>Opens a storage from "journal:PATH", "sqlite:PATH" or "postgres:CONNECTION", for the worker process and the
/// tests that start it.</summary>
internal static class StorageSpec
{
    public static IStudyStorage Open(string spec) => spec.Split(':', 2) switch
    {
        ["journal", var path] => Storage.Storage.JournalFile(path),
        ["sqlite", var path] => SqliteStorage.ForFile(path),
        ["postgres", var connection] => new PostgresStorage(connection),
        _ => throw new ArgumentException($"Unknown storage '{spec}'; expected journal:PATH, sqlite:PATH or postgres:CONNECTION."),
    };
}
