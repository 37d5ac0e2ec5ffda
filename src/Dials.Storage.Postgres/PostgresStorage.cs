using Dials.Storage.Sql;
using Npgsql;

namespace Dials.Storage.Postgres;

/// <summary>
/// Keeps studies in a PostgreSQL database: the way to spread one study over many processes on many machines.
/// </summary>
/// <remarks>
/// <para>The tables (all prefixed <c>dials_</c>, in the first schema of the connection's search path) are created on
/// first use under an advisory lock, so processes starting together do not race, and carry a schema version; a
/// database written by a newer, unknown schema is refused with a clear error rather than misread.</para>
/// <para>Every call is one transaction. Trial numbers are allocated by the database: the study row is locked
/// (<c>SELECT ... FOR UPDATE</c>) and its counter read and bumped in the transaction that inserts the trial, so
/// workers on any number of machines get unique numbers without gaps, and the study's budget is checked against the
/// number actually allocated. All SQL is parameterised.</para>
/// <para>A server that goes away (restarts, ends the session, cannot be reached) is waited for: the call is retried on
/// fresh connections, the dead pooled ones dropped, for up to <see cref="ReconnectTimeout"/> (30 s unless told
/// otherwise), so workers go on by themselves once the server is back. Each attempt is one transaction, which the
/// server rolls back when it fails, and retries are idempotent: a call whose commit went through but whose
/// acknowledgement was lost recognises its own work and answers as if nothing had happened (a trial is never created,
/// finished or queued twice). Past the timeout the call raises an <see cref="IOException"/> that names the server and
/// database, never the password, and the call (study, trial, and the result that could not be recorded).</para>
/// </remarks>
public sealed class PostgresStorage : SqlStudyStorage, IDisposable
{
    private readonly NpgsqlDataSource dataSource;

    /// <summary>Connects to the PostgreSQL database an Npgsql connection string names.</summary>
    /// <param name="connectionString">An Npgsql connection string, such as
    /// <c>Host=db;Port=5432;Database=tuning;Username=dials;Password=...</c>. Add <c>Search Path=my_schema</c> to keep
    /// the tables in a schema of their own.</param>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public PostgresStorage(string connectionString)
        : this(connectionString, DefaultReconnectTimeout)
    {
    }

    /// <summary>Connects to the PostgreSQL database an Npgsql connection string names, retrying a call that loses the
    /// server for up to <paramref name="reconnectTimeout"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string (see <see cref="PostgresStorage(string)"/>).</param>
    /// <param name="reconnectTimeout">How long a call goes on retrying on fresh connections after losing the server (a
    /// restart, a network outage) before it fails; zero fails at the first loss.</param>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reconnectTimeout"/> is negative.</exception>
    public PostgresStorage(string connectionString, TimeSpan reconnectTimeout)
        : this(new PostgresDialect(connectionString, reconnectTimeout))
    {
    }

    private PostgresStorage(PostgresDialect dialect)
        : base(dialect)
    {
        dataSource = dialect.DataSource;
        Database = dialect.Description;
        ReconnectTimeout = dialect.RetryFor;
    }

    /// <summary>How long a call retries unless told otherwise: 30 seconds, longer than a server takes to restart.</summary>
    public static TimeSpan DefaultReconnectTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call goes on retrying on fresh connections after losing the server before it fails.</summary>
    public TimeSpan ReconnectTimeout { get; }

    /// <summary>The database in words, for messages: its name, host, port and user, never the password.</summary>
    public string Database { get; }

    /// <summary>Closes the storage's pooled connections.</summary>
    public void Dispose() => dataSource.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL storage in {Database}";
}
