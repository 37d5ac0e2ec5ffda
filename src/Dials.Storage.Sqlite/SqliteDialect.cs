using System.Data.Common;
using Dials.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Dials.Storage.Sqlite;

/// <summary>SQLite for <see cref="SqlTrialStore"/>: WAL journal, a busy timeout on every connection, and
/// <c>BEGIN IMMEDIATE</c> for every change, which takes the database's single write lock up front so that a
/// transaction never reads a counter another process is about to bump.</summary>
internal sealed class SqliteDialect(string connectionString, string filePath, TimeSpan busyTimeout) : ISqlDialect
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCantOpen = 14;

    public string Description => $"the SQLite database '{filePath}'";

    public string LockRows => "";

    public string VersionTableExists => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'dials_schema_version'";

    public SqlColumnTypes ColumnTypes { get; } = new("INTEGER PRIMARY KEY", "INTEGER", "REAL");

    public DbConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();

            // Per connection (pooled connections keep it, but a fresh one needs it): SQLite itself waits this long
            // for another process's lock before reporting busy.
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Prepare(DbConnection connection)
    {
        // WAL lets readers go on while one process writes, and is a property of the file: set once, kept.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        command.ExecuteNonQuery();
    }

    // Microsoft.Data.Sqlite starts a non-deferred transaction with BEGIN IMMEDIATE.
    public DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    // BEGIN IMMEDIATE already excludes every other writer.
    public void GuardSchema(DbConnection connection, DbTransaction transaction)
    {
    }

    public Exception? Translate(Exception error, string operation) => error switch
    {
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => new TimeoutException(
            $"{SqlStorageErrors.Capitalised(Description)} stayed locked by another connection for longer than the busy timeout " +
            $"({busyTimeout.TotalSeconds:0.###} s) while {operation}; nothing was changed. Another process may be holding a " +
            "long write transaction on it; raise the busy timeout if it is merely busy.", error),
        SqliteException { SqliteErrorCode: SqliteCantOpen } => new IOException(
            $"Cannot open {Description} while {operation}: {error.Message}", error),
        _ => null,
    };
}
