using Dials.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Dials.Storage.Sqlite;

/// <summary>
/// Keeps studies in a SQLite database file, shared safely by the threads and processes of one machine (SQLite's file
/// locks do not work reliably over network file systems: use <c>PostgresStorage</c> to spread a study over machines).
/// </summary>
/// <remarks>
/// <para>The tables (all prefixed <c>dials_</c>) are created on first use and carry a schema version; a file written
/// by a newer, unknown schema is refused with a clear error rather than misread. The version is checked with a read,
/// so opening a database never waits for a writer; a file of an earlier schema is upgraded the first time a storage
/// opened for writing uses it.</para>
/// <para>To read a study without any chance of changing the file (tools that inspect a study, a copy on read-only
/// media), open it read-only: <c>new SqliteStorage(path, readOnly: true)</c>, or <c>Mode=ReadOnly</c> in the
/// connection string. A read-only storage never creates the file, its directory or the tables, never upgrades an
/// earlier schema (it reads it as it stands), and refuses every change with an <see cref="InvalidOperationException"/>;
/// a missing file raises a <see cref="FileNotFoundException"/>, and a file without Dials tables (an empty one) reads as
/// holding no study. (Reading a file in WAL mode may still create SQLite's <c>-wal</c> and <c>-shm</c> files beside it
/// when they are missing and the directory is writable; the database file itself is never written. In a directory
/// this process may not write, such a file is read as immutable, since no one can be writing it.) A file that is not
/// a database, or is damaged, raises an <see cref="IOException"/> naming it.</para>
/// <para>The file is put in WAL mode, so readers never wait for a writer. Every change runs in a <c>BEGIN
/// IMMEDIATE</c> transaction, which takes SQLite's one write lock before reading anything; trial numbers are allocated
/// and the study's budget checked inside it, so concurrent processes never share a number or overshoot. A writer that
/// finds the lock held waits up to the busy timeout, then gets a <see cref="TimeoutException"/> naming the file.</para>
/// <para>Each call opens a (pooled) connection and closes it before returning; the storage holds nothing that needs
/// disposing.</para>
/// </remarks>
public sealed class SqliteStorage : SqlStudyStorage
{
    /// <summary>Opens the SQLite database at a file path: for writing (creating it, and its directory, when missing),
    /// or with <paramref name="readOnly"/> for reading only.</summary>
    /// <param name="path">The database file, a plain path such as <c>studies/lr.db</c> (for a connection string with
    /// settings of its own, use the <see cref="SqliteConnectionStringBuilder"/> overload).</param>
    /// <param name="busyTimeout">How long a change waits for another connection's write lock before failing; by
    /// default <see cref="DefaultBusyTimeout"/>.</param>
    /// <param name="readOnly">Whether to open it for reading only (<c>Mode=ReadOnly</c>): nothing is ever created or
    /// written, a missing file raises a <see cref="FileNotFoundException"/> at the first call, and an earlier schema is
    /// read as it stands rather than upgraded.</param>
    /// <exception cref="ArgumentException">The path is empty, or is a connection string (<c>Data Source=...</c>), which
    /// would otherwise silently become a file of that odd name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is not positive.</exception>
    public SqliteStorage(string path, TimeSpan? busyTimeout = null, bool readOnly = false)
        : this(new SqliteDialect(FileConnectionString(path, readOnly), busyTimeout ?? DefaultBusyTimeout))
    {
    }

    /// <summary>Opens (creating when needed) the database a Microsoft.Data.Sqlite connection string names, for
    /// settings a path cannot carry (<c>Pooling</c>, <c>Cache</c>, <c>Mode=ReadOnly</c>, ...).</summary>
    /// <param name="connection">The connection string, e.g. <c>new SqliteConnectionStringBuilder("Data Source=study.db;Pooling=False")</c>.
    /// It must name a file; in-memory databases are refused, since each call opens its own connection. With
    /// <c>Mode=ReadOnly</c> the storage is for reading only (see <see cref="SqliteStorage(string, TimeSpan?, bool)"/>).</param>
    /// <param name="busyTimeout">How long a change waits for another connection's write lock before failing; by
    /// default <see cref="DefaultBusyTimeout"/>.</param>
    /// <exception cref="ArgumentException">The connection string names no file, or an in-memory database.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is not positive.</exception>
    public SqliteStorage(SqliteConnectionStringBuilder connection, TimeSpan? busyTimeout = null)
        : this(new SqliteDialect(ConnectionString(connection), busyTimeout ?? DefaultBusyTimeout))
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

    private static string FileConnectionString(string path, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (LooksLikeConnectionString(path))
        {
            throw new ArgumentException(
                "Expected a file path but got a connection string; pass it as new SqliteConnectionStringBuilder(...).", nameof(path));
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path };
        if (readOnly)
        {
            builder.Mode = SqliteOpenMode.ReadOnly;
        }

        return builder.ToString();
    }

    private static string ConnectionString(SqliteConnectionStringBuilder connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ToString();
    }

    /// <summary>Whether the text parses as a connection string that names a file: a path such as <c>lr=0.1.db</c>
    /// does not (its key is unknown), while <c>Data Source=x.db</c> does, and is refused rather than taken as a file of
    /// that name, since the constructor taking a string once took connection strings.</summary>
    private static bool LooksLikeConnectionString(string text)
    {
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return !string.IsNullOrEmpty(new SqliteConnectionStringBuilder(text).DataSource);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SQLite storage at '{FilePath}'{(IsReadOnly ? " (read-only)" : "")}";
}
