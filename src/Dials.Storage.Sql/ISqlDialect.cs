using System.Data.Common;

namespace Dials.Storage.Sql;

/// <summary>
/// What differs between the database engines behind <see cref="SqlStudyStorage"/>: how to connect, how a write
/// transaction takes its locks, the schema's column types, which engine errors are worth retrying on a fresh connection,
/// and which deserve a clearer message. The
/// trial rules and the queries themselves are shared, so both back ends behave alike.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>The database in words for error messages, e.g. "the SQLite database '/data/study.db'"; never
    /// contains a password.</summary>
    string Description { get; }

    /// <summary>Appended to a SELECT inside a write transaction to lock the rows it reads until the transaction ends
    /// (" FOR UPDATE"), or empty when the transaction already holds the whole database (SQLite).</summary>
    string LockRows { get; }

    /// <summary>A query that returns 1 when the <c>dials_schema_version</c> table exists where the other queries will
    /// look for it, and 0 otherwise.</summary>
    string VersionTableExists { get; }

    /// <summary>Whether the storage was opened for reading only: it then never creates, upgrades or changes anything,
    /// and reads an earlier schema version as it stands.</summary>
    bool ReadOnly { get; }

    /// <summary>How long a call goes on retrying, on fresh connections, after a transient error
    /// (<see cref="IsTransient"/>); zero for an engine whose errors are never transient.</summary>
    TimeSpan RetryFor { get; }

    /// <summary>The engine's column types for the tables of <see cref="SqlSchema"/>.</summary>
    SqlColumnTypes ColumnTypes { get; }

    /// <summary>An open connection.</summary>
    DbConnection Open();

    /// <summary>Runs once, before the schema is checked, outside any transaction (SQLite switches to WAL here).</summary>
    void Prepare(DbConnection connection);

    /// <summary>Starts a transaction for a change: one that waits for (or takes) the locks that keep concurrent
    /// writers from interleaving.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="durable">Whether the change must be on disk when the call returns (a trial's result), or may
    /// reach it with the next durable one (SQLite; a server keeps its own setting). See <see cref="AfterCommit"/>.</param>
    DbTransaction BeginWrite(DbConnection connection, bool durable);

    /// <summary>Runs after a write transaction committed and its connection closed, before the call returns: makes a
    /// durable change reach the disk when the commit did not wait for it.</summary>
    void AfterCommit(bool durable);

    /// <summary>Inside the schema transaction, before the version is read: keeps concurrent creators apart when
    /// <see cref="BeginWrite"/> alone does not.</summary>
    void GuardSchema(DbConnection connection, DbTransaction transaction);

    /// <summary>Whether an error means the connection, not the statement, failed (the server went away, is shutting
    /// down or starting up, cannot be reached) or the server rolled the transaction back on its own (a deadlock): the
    /// call may succeed on a fresh connection. Its transaction may have committed if the error came while committing.</summary>
    bool IsTransient(Exception error);

    /// <summary>Drops the pooled connections, which a transient error may have left dead.</summary>
    void ClearConnections();

    /// <summary>A clearer exception for an engine error (a lock held too long, a server that went away), or null to
    /// let the original one through.</summary>
    /// <param name="error">What the engine threw.</param>
    /// <param name="operation">What was being done, e.g. "CreateTrial on study 's'".</param>
    Exception? Translate(Exception error, string operation);
}
