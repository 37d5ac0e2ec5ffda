using System.Data.Common;
using System.Runtime.CompilerServices;
using Dials.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Dials.Storage.Sqlite;

/// <summary>SQLite for <see cref="SqlStudyStorage"/>: WAL journal, a busy timeout on every connection, and
/// <c>BEGIN IMMEDIATE</c> for every change (<see cref="ImmediateTransaction"/>), which takes the database's single
/// write lock up front so that a transaction never reads a counter another process is about to bump. Opened read-only (<c>Mode=ReadOnly</c>), it
/// never creates or writes the file.</summary>
internal sealed class SqliteDialect : ISqlDialect
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;
    private const int Unknown = 0;
    private const int Wal = 1;
    private const int NotWal = 2;
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, StrongBox<long>> Configured = new();
    private readonly string connectionString;
    private volatile int walMode;
    private volatile bool probed;
    private volatile string? immutableConnectionString;

    /// <summary>Checks a connection string and fills in what the storage needs (a full path, the timeouts).</summary>
    /// <exception cref="ArgumentException">The connection string is malformed or names no file.</exception>
    public SqliteDialect(string connection, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(busyTimeout, TimeSpan.Zero);
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connection);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"Not a valid SQLite connection string: {error.Message}", nameof(connection), error);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException(
                "The SQLite connection string must name a database file (Data Source=path); an in-memory database would not " +
                "outlive a single call. Use new InMemoryStorage() for a study kept in memory.", nameof(connection));
        }

        FilePath = Path.GetFullPath(builder.DataSource);
        ReadOnly = builder.Mode == SqliteOpenMode.ReadOnly;
        if (!ReadOnly && Path.GetDirectoryName(FilePath) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        builder.DataSource = FilePath;
        writers = ReadOnly ? null : new InterProcessLock(FilePath + ".lock");

        // Microsoft.Data.Sqlite retries a busy statement until its command timeout (whole seconds), on top of
        // SQLite's own busy_timeout: keep the two in step.
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        this.connectionString = builder.ToString();
        BusyTimeout = busyTimeout;
    }

    // Writers of this file, in every process, queue here before they ask SQLite for its write lock: the kernel hands
    // this lock over the moment it is released, where SQLite's lock can only be polled.
    private readonly InterProcessLock? writers;

    public string FilePath { get; }

    public TimeSpan BusyTimeout { get; }

    public string Description => $"the SQLite database '{FilePath}'";

    public bool ReadOnly { get; }

    // A busy database is waited for by SQLite itself (the busy timeout); nothing else is worth retrying.
    public TimeSpan RetryFor => TimeSpan.Zero;

    public string LockRows => "";

    public string VersionTableExists => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'dials_schema_version'";

    public SqlColumnTypes ColumnTypes { get; } = new("INTEGER PRIMARY KEY", "INTEGER", "REAL", "BLOB");

    public DbConnection Open()
    {
        if (ReadOnly && !File.Exists(FilePath))
        {
            // SQLite would refuse too, but with "unable to open database file" and no name.
            throw new FileNotFoundException($"There is no SQLite database '{FilePath}' to read.", FilePath);
        }

        var connection = new SqliteConnection(immutableConnectionString ?? connectionString);
        try
        {
            connection.Open();
            if (!probed)
            {
                connection = Probe(connection);
            }

            // Per connection: SQLite itself waits this long for another process's lock before reporting busy, and
            // commits do not wait for the disk (see AfterCommit). Set once per SQLite connection, which the pool
            // keeps: this runs before every call, where parsing two PRAGMAs showed in the profile.
            var handle = connection.Handle!;
            var busyMs = (long)BusyTimeout.TotalMilliseconds;
            if (!Configured.TryGetValue(handle, out var setTo) || setTo.Value != busyMs)
            {
                var rc = SQLitePCL.raw.sqlite3_exec(handle, $"PRAGMA busy_timeout = {busyMs}; PRAGMA synchronous = NORMAL");
                SqliteException.ThrowExceptionForRC(rc, handle);
                Configured.AddOrUpdate(handle, new StrongBox<long>(busyMs));
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public bool IsTransient(Exception error) => false;

    /// <summary>Reads the file once, the first time it is opened: a file in WAL mode in a directory this process may
    /// not write, without its <c>-shm</c> file, cannot be read normally (SQLite must create that file), only as an
    /// immutable file. Nobody can be writing it then (a writer needs that file too), so it is read that way from now
    /// on, and changes are refused as the file itself refuses them.</summary>
    private SqliteConnection Probe(SqliteConnection connection)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            command.ExecuteScalar();
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteReadOnly)
        {
            connection.Dispose();
            immutableConnectionString = new SqliteConnectionStringBuilder(connectionString)
            {
                DataSource = new Uri(FilePath).AbsoluteUri + "?immutable=1",
                Mode = SqliteOpenMode.ReadOnly,
            }.ToString();
            connection = new SqliteConnection(immutableConnectionString);
            connection.Open();
        }

        probed = true;
        return connection;
    }

    /// <summary>Whether the file is in WAL mode (it is once Dials created it), asked once.</summary>
    private bool IsWal(DbConnection connection)
    {
        if (walMode == Unknown)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            walMode = string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase) ? Wal : NotWal;
        }

        return walMode == Wal;
    }

    public void ClearConnections()
    {
    }

    public void Prepare(DbConnection connection)
    {
        // WAL lets readers go on while one process writes, and is a property of the file: set once, kept.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        command.ExecuteNonQuery();
        walMode = Unknown;
    }

    public DbTransaction BeginWrite(DbConnection connection, bool durable)
    {
        // A database some other tool left outside WAL mode gets SQLite's own durable commit (see AfterCommit).
        if (durable && !IsWal(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = FULL";
            command.ExecuteNonQuery();
        }

        return ImmediateTransaction.Begin((SqliteConnection)connection, BusyTimeout, writers);
    }

    public void AfterCommit(bool durable)
    {
        // In WAL mode with synchronous = NORMAL a commit returns once it is in the log, without waiting for the disk.
        // A durable commit (a trial's result) then syncs the log itself, after the write lock is released: other
        // writers go on meanwhile, instead of queueing behind a disk sync as synchronous = FULL would make them, and a
        // sync covers every commit before it (of any connection or process: one file). So a result is on disk when it
        // is told, and the steps before it (creating the trial, its point, reports) reach the disk with the next
        // result. A power cut may lose those unsynced steps of a running trial, as a killed worker would; never a told
        // result. A killed process loses nothing either way.
        if (!durable || walMode != Wal)
        {
            return;
        }

        try
        {
            using var log = File.OpenHandle(FilePath + "-wal", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(log);
        }
        catch (FileNotFoundException)
        {
            // The last connection closed meanwhile and folded the log into the database, which that checkpoint synced.
        }
    }

    // BEGIN IMMEDIATE already excludes every other writer.
    public void GuardSchema(DbConnection connection, DbTransaction transaction)
    {
    }

    public Exception? Translate(Exception error, string operation) => error switch
    {
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => new TimeoutException(
            $"{SqlStorageErrors.Capitalised(Description)} stayed locked by another connection for longer than the busy timeout " +
            $"({BusyTimeout.TotalSeconds:0.###} s) while {operation}; nothing was changed. Another process may be holding a " +
            "long write transaction on it; raise the busy timeout if it is merely busy.", error),
        SqliteException { SqliteErrorCode: SqliteCantOpen } => new IOException(
            $"Cannot open {Description} while {operation}: {error.Message}", error),
        SqliteException { SqliteErrorCode: SqliteNotADatabase or SqliteCorrupt } => new IOException(
            $"{SqlStorageErrors.Capitalised(Description)} is not a SQLite database or is damaged (truncated, overwritten), found " +
            $"while {operation} ({error.Message.TrimEnd('.')}). Restore it from a copy; Dials did not change it.", error),
        SqliteException { SqliteErrorCode: SqliteReadOnly } => new IOException(
            $"{SqlStorageErrors.Capitalised(Description)} cannot be written (a read-only file or directory) while {operation}: " +
            $"{error.Message.TrimEnd('.')}. Open it with Mode=ReadOnly (new SqliteStorage(path, readOnly: true)) to read it.", error),
        _ => null,
    };
}
