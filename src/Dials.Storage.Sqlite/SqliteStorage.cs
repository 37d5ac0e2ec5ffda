using Dials.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Dials.Storage.Sqlite;

/// <summary>
/// Keeps studies in a SQLite database file, shared safely by the threads and processes of one machine (SQLite's file
/// locks do not work reliably over network file systems: use <c>PostgresStorage</c> to spread a study over machines).
/// </summary>
/// <remarks>
/// <para>The tables (all prefixed <c>dials_</c>) are created on first use and carry a schema version; a file written
/// by a newer, unknown schema is refused with a clear error rather than misread.</para>
/// <para>The file is put in WAL mode, so readers never wait for a writer. Every change runs in a <c>BEGIN
/// IMMEDIATE</c> transaction, which takes SQLite's one write lock before reading anything; trial numbers are allocated
/// and the study's budget checked inside it, so concurrent processes never share a number or overshoot. A writer that
/// finds the lock held waits up to the busy timeout, then gets a <see cref="TimeoutException"/> naming the file.</para>
/// <para>Each call opens a (pooled) connection and closes it before returning; the storage holds nothing that needs
/// disposing.</para>
/// </remarks>
public sealed class SqliteStorage : SqlStudyStorage
{
    /// <summary>Opens (creating when needed) the database a Microsoft.Data.Sqlite connection string names, waiting up
    /// to <see cref="DefaultBusyTimeout"/> for other writers.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string such as <c>Data Source=study.db</c>
    /// (not a bare path: see <see cref="ForFile"/>). It must name a file; in-memory databases are refused, since each
    /// call opens its own connection.</param>
    /// <exception cref="ArgumentException">The connection string is malformed or names no file.</exception>
    public SqliteStorage(string connectionString)
        : this(connectionString, DefaultBusyTimeout)
    {
    }

    /// <summary>Opens (creating when needed) the database a Microsoft.Data.Sqlite connection string names.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file, such as
    /// <c>Data Source=study.db</c>.</param>
    /// <param name="busyTimeout">How long a change waits for another connection's write lock before failing.</param>
    /// <exception cref="ArgumentException">The connection string is malformed or names no file.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is not positive.</exception>
    public SqliteStorage(string connectionString, TimeSpan busyTimeout)
        : this(new SqliteDialect(connectionString, busyTimeout))
    {
    }

    private SqliteStorage(SqliteDialect dialect)
        : base(dialect)
    {
        FilePath = dialect.FilePath;
        BusyTimeout = dialect.BusyTimeout;
    }

    /// <summary>How long a change waits for another connection's write lock unless told otherwise: 30 seconds.</summary>
    public static TimeSpan DefaultBusyTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The database file, as a full path.</summary>
    public string FilePath { get; }

    /// <summary>How long a change waits for another connection's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; }

    /// <summary>Opens (creating when needed) the SQLite database at a file path.</summary>
    /// <param name="path">The database file; its directory is created when missing.</param>
    /// <param name="busyTimeout">How long a change waits for another connection's write lock; by default
    /// <see cref="DefaultBusyTimeout"/>.</param>
    /// <returns>The storage.</returns>
    public static SqliteStorage ForFile(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = path };
        return new SqliteStorage(builder.ToString(), busyTimeout ?? DefaultBusyTimeout);
    }

    /// <inheritdoc />
    public override string ToString() => $"SQLite storage at '{FilePath}'";
}
