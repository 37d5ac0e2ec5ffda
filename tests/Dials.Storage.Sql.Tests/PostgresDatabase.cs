using Npgsql;

namespace Dials.Storage.Sql.Tests;

/// <summary>
/// The PostgreSQL server the tests use, named by the <c>DIALS_POSTGRES</c> environment variable (an Npgsql connection
/// string; <c>.ci/postgres</c> starts a server and prints one). Each test gets a schema of its own (through the
/// connection's search path), dropped when the test ends, so tests never see each other's studies.
/// </summary>
internal sealed class PostgresDatabase : IDisposable
{
    public const string Variable = "DIALS_POSTGRES";

    private static readonly string Missing =
        $"{Variable} is not set: start a server with `export {Variable}=\"$(bash .ci/postgres)\"` (see README) to run the PostgreSQL tests.";

    private readonly NpgsqlDataSource admin;

    public PostgresDatabase()
    {
        var baseConnection = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(baseConnection))
        {
            // Reached only under CI=true (otherwise the tests are skipped): CI must run them, so this fails loudly.
            throw new InvalidOperationException(Missing);
        }

        Schema = $"dials_test_{Guid.NewGuid():N}";
        admin = NpgsqlDataSource.Create(baseConnection);
        Execute($"CREATE SCHEMA {Schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = Schema }.ToString();
    }

    /// <summary>Why the PostgreSQL tests are skipped, or null when they run: they are skipped when no server is
    /// configured, except on CI (<c>CI=true</c>), where a missing server is a failure.</summary>
    public static string? SkipReason =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) && Environment.GetEnvironmentVariable("CI") != "true"
            ? Missing
            : null;

    /// <summary>The test's own schema.</summary>
    public string Schema { get; }

    /// <summary>A connection string whose search path is the test's schema.</summary>
    public string ConnectionString { get; }

    /// <summary>Runs a statement on a connection of the tests' own (the "administrator" of these tests).</summary>
    public void Execute(string sql)
    {
        using var command = admin.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    /// <summary>Reads one number with a connection of the tests' own.</summary>
    public long Count(string sql)
    {
        using var command = admin.CreateCommand(sql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Execute($"DROP SCHEMA {Schema} CASCADE");
        admin.Dispose();
    }
}

/// <summary>Marks a test class that needs <see cref="PostgresDatabase"/>: its tests are reported as skipped, with the
/// reason, when no server is configured (see <see cref="PostgresAwareTestFramework"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class NeedsPostgresAttribute : Attribute;
