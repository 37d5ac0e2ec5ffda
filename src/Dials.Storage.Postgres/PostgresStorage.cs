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
/// <para>A server that goes away (or ends the session) mid-call raises an <see cref="IOException"/> that names the
/// server and database but never the password; the call's transaction is rolled back by the server, so it leaves no
/// partial rows.</para>
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
        : this(new PostgresDialect(connectionString))
    {
    }

    private PostgresStorage(PostgresDialect dialect)
        : base(dialect)
    {
        dataSource = dialect.DataSource;
        Database = dialect.Description;
    }

    /// <summary>The database in words, for messages: its name, host, port and user, never the password.</summary>
    public string Database { get; }

    /// <summary>Closes the storage's pooled connections.</summary>
    public void Dispose() => dataSource.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL storage in {Database}";
}
