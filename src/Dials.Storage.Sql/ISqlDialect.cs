using System.Data.Common;

namespace Dials.Storage.Sql;

/// <summary>
/// What differs between the database engines behind <see cref="SqlStudyStorage"/>: how to connect, how a write
/// transaction takes its locks, the schema's column types, and which engine errors deserve a clearer message. The
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

    /// <summary>The engine's column types for the tables of <see cref="SqlSchema"/>.</summary>
    SqlColumnTypes ColumnTypes { get; }

    /// <summary>An open connection.</summary>
    DbConnection Open();

    /// <summary>Runs once, before the schema is checked, outside any transaction (SQLite switches to WAL here).</summary>
    void Prepare(DbConnection connection);

    /// <summary>Starts a transaction for a change: one that waits for (or takes) the locks that keep concurrent
    /// writers from interleaving.</summary>
    DbTransaction BeginWrite(DbConnection connection);

    /// <summary>Inside the schema transaction, before the version is read: keeps concurrent creators apart when
    /// <see cref="BeginWrite"/> alone does not.</summary>
    void GuardSchema(DbConnection connection, DbTransaction transaction);

    /// <summary>A clearer exception for an engine error (a lock held too long, a server that went away), or null to
    /// let the original one through.</summary>
    /// <param name="error">What the engine threw.</param>
    /// <param name="operation">What was being done, e.g. "CreateTrial on study 's'".</param>
    Exception? Translate(Exception error, string operation);
}
