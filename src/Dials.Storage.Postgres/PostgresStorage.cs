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
public sealed class PostgresStorage : IStudyStorage, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly SqlTrialStore store;

    /// <summary>Connects to the PostgreSQL database an Npgsql connection string names.</summary>
    /// <param name="connectionString">An Npgsql connection string, such as
    /// <c>Host=db;Port=5432;Database=tuning;Username=dials;Password=...</c>. Add <c>Search Path=my_schema</c> to keep
    /// the tables in a schema of their own.</param>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public PostgresStorage(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
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

        Database = $"the PostgreSQL database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}" +
                   (builder.Username is { } user ? $" as '{user}'" : "");
        dataSource = NpgsqlDataSource.Create(builder);
        store = new SqlTrialStore(new PostgresDialect(dataSource, Database));
    }

    /// <summary>The database in words, for messages: its name, host, port and user, never the password.</summary>
    public string Database { get; }

    /// <inheritdoc />
    public StoredStudy CreateStudy(StoredStudy study, bool loadIfExists) => store.CreateStudy(study, loadIfExists);

    /// <inheritdoc />
    public void Enqueue(string studyName, IReadOnlyList<double> point) => store.Enqueue(studyName, point);

    /// <inheritdoc />
    public NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit, bool queuedOnly) =>
        store.CreateTrial(studyName, start, limit, queuedOnly);

    /// <inheritdoc />
    public void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point) => store.SetTrialPoint(studyName, number, point);

    /// <inheritdoc />
    public void ReportIntermediate(string studyName, int number, IntermediateValue value) => store.ReportIntermediate(studyName, number, value);

    /// <inheritdoc />
    public bool FinishTrial(string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason) =>
        store.FinishTrial(studyName, number, state, value, duration, failReason);

    /// <inheritdoc />
    public bool Heartbeat(string studyName, int number, DateTimeOffset at) => store.Heartbeat(studyName, number, at);

    /// <inheritdoc />
    public IReadOnlyList<int> FailStaleTrials(string studyName, DateTimeOffset staleBefore, string reason) =>
        store.FailStaleTrials(studyName, staleBefore, reason);

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> ReadTrials(string studyName) => store.ReadTrials(studyName);

    /// <inheritdoc />
    public int CountFinished(string studyName) => store.CountFinished(studyName);

    /// <summary>Closes the storage's pooled connections.</summary>
    public void Dispose() => dataSource.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"PostgreSQL storage in {Database}";
}
