using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Dials.Storage.Sql;
using Npgsql;

namespace Dials.Storage.Postgres;

/// <summary>PostgreSQL for <see cref="SqlStudyStorage"/>: read-committed transactions whose SELECTs lock the study or
/// trial row they decide on (<c>FOR UPDATE</c>), an advisory lock around schema creation, and retries on fresh
/// connections while the server is away.</summary>
internal sealed class PostgresDialect : ISqlDialect
{
    /// <summary>The advisory lock key every Dials process takes while it creates or checks the schema ("Dials" in
    /// ASCII), so two processes starting on an empty database do not both create the tables.</summary>
    private const long SchemaLockKey = 0x4469616C73;

    /// <summary>Checks a connection string and creates the connection pool for it.</summary>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryFor"/> is negative.</exception>
    public PostgresDialect(string connectionString, TimeSpan retryFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryFor, TimeSpan.Zero);
        RetryFor = retryFor;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException error)
        {
            // Npgsql names the keyword it rejects, never the values, so the password stays out of the message.
            throw new ArgumentException($"Not a valid Npgsql connection string: {error.Message}", nameof(connectionString), error);
        }

        Description = $"the PostgreSQL database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}" +
                      (builder.Username is { } user ? $" as '{user}'" : "");
        DataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The pool of connections to the database.</summary>
    public NpgsqlDataSource DataSource { get; }

    public string Description { get; }

    public bool ReadOnly => false;

    public TimeSpan RetryFor { get; }

    public string LockRows => " FOR UPDATE";

    // Looked up in the search path, as the unqualified table names of every query are resolved, but by querying the
    // catalog rather than with to_regclass: a name lookup that finds nothing is cached by the session, and a process
    // that looked before another created the tables would still find nothing after waiting for the schema lock.
    public string VersionTableExists =>
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE c.relname = 'dials_schema_version' AND n.nspname = ANY (current_schemas(false))) THEN 1 ELSE 0 END";

    public SqlColumnTypes ColumnTypes { get; } = new("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT", "DOUBLE PRECISION", "BYTEA");

    public DbConnection Open() => DataSource.OpenConnection();

    public void Prepare(DbConnection connection)
    {
    }

    // Every commit is as durable as the server's synchronous_commit makes it.
    public DbTransaction BeginWrite(DbConnection connection, bool durable) =>
        ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.ReadCommitted);

    public void AfterCommit(bool durable)
    {
    }

    public void GuardSchema(DbConnection connection, DbTransaction transaction) =>
        new SqlCommands(connection, transaction).Scalar("SELECT pg_advisory_xact_lock(@key)", ("@key", SchemaLockKey));

    public bool IsTransient(Exception error) =>
        // 40001 and 40P01: the server rolled the transaction back (a serialization failure, a deadlock); it can run again.
        IsConnectionLoss(error) || error is PostgresException { SqlState: "40001" or "40P01" };

    // Idle pooled connections to a restarted server are dead: without this each would fail one more call.
    public void ClearConnections() => DataSource.Clear();

    public Exception? Translate(Exception error, string operation) =>
        IsConnectionLoss(error)
            ? new IOException(
                $"Lost the connection to {Description} while {operation}: {error.Message}. The operation ran in one transaction, " +
                "so the database holds all of it or none of it; check that the server is running and reachable.", error)
            : null;

    /// <summary>Whether the server went away or could not be reached, rather than refusing a statement.</summary>
    private static bool IsConnectionLoss(Exception error) => error switch
    {
        // Class 08: connection exceptions; 57P01-57P03: the server is shutting down, was told to end this session
        // (pg_terminate_backend), or is starting up; 53300: too many connections (a restarted server as workers
        // reconnect all at once).
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) ||
                                      postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        NpgsqlException npgsql => npgsql.InnerException is IOException or SocketException or TimeoutException || npgsql.IsTransient,
        _ => false,
    };
}
