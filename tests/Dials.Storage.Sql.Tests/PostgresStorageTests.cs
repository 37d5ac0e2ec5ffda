using Dials.Storage.Postgres;

namespace Dials.Storage.Sql.Tests;

/// <summary>The contract and the database tests on a PostgreSQL schema of the test's own, plus a server that goes
/// away mid-call. Skipped (with the reason) when <c>DIALS_POSTGRES</c> is unset, except on CI.</summary>
[NeedsPostgres]
public sealed class PostgresStorageTests : SqlStorageTests, IDisposable
{
    private readonly PostgresDatabase database = new();
    private readonly List<PostgresStorage> opened = [];

    protected override IStudyStorage OpenSeparately() => Open(database.ConnectionString);

    protected override void ExecuteRaw(string sql) => database.Execute($"SET search_path TO {database.Schema}; {sql}");

    protected override long CountRaw(string sql) => database.Count($"SET search_path TO {database.Schema}; {sql}");

    [Fact]
    public void A_session_ended_mid_call_fails_clearly_and_leaves_no_partial_rows()
    {
        // The victim's connections carry an application name of their own, so they can be found and ended.
        var victimName = $"victim_{Guid.NewGuid():N}";
        var storage = Open($"{database.ConnectionString};Application Name={victimName}");
        storage.CreateStudy(Study, false);
        storage.Enqueue("s", [0.25], null);

        // Hold the trials table so CreateTrial stops half-way: after taking the queued point, before inserting the
        // trial. Then end its session from outside, as a server going away would.
        var holder = Open(database.ConnectionString);
        using var lockConnection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        lockConnection.Open();
        using var lockTransaction = lockConnection.BeginTransaction();
        using (var command = new Npgsql.NpgsqlCommand("LOCK TABLE dials_trials IN EXCLUSIVE MODE", lockConnection, lockTransaction))
        {
            command.ExecuteNonQuery();
        }

        var call = Task.Run(() => storage.CreateTrial("s", T0, null, false));
        WaitUntil(() => database.Count(
            $"SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '{victimName}' AND wait_event_type = 'Lock'") == 1);
        Assert.Equal(1, database.Count($"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{victimName}'"));

        var error = Assert.Throws<IOException>(() => call.GetAwaiter().GetResult());
        lockTransaction.Rollback();
        Assert.Contains("Lost the connection to the PostgreSQL database", error.Message);
        Assert.Contains("creating a trial in study 's'", error.Message);
        Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Password!, error.ToString());

        // Nothing of the call was kept: the point is still queued, no trial exists, and the counter did not move.
        Assert.Empty(holder.ReadTrials("s"));
        Assert.Equal(1, CountRaw("SELECT COUNT(*) FROM dials_queued_points"));
        Assert.Equal(0, CountRaw("SELECT next_trial FROM dials_studies"));

        // The storage recovers with a fresh connection, and the queued point is handed out as if nothing happened.
        Assert.Equal([0.25], storage.CreateTrial("s", T0, null, false)!.QueuedPoint!);
    }

    [Fact]
    public void An_unreachable_server_fails_clearly_without_the_password()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1", Port = UnusedPort(), Timeout = 2, Password = "do-not-show-me",
        };
        var storage = Open(builder.ToString());

        var error = Assert.Throws<IOException>(() => storage.ReadTrials("s"));
        Assert.Contains($"127.0.0.1:{builder.Port}", error.Message);
        Assert.DoesNotContain("do-not-show-me", error.ToString());
    }

    public void Dispose()
    {
        foreach (var storage in opened)
        {
            storage.Dispose();
        }

        database.Dispose();
    }

    private PostgresStorage Open(string connectionString)
    {
        var storage = new PostgresStorage(connectionString);
        opened.Add(storage);
        return storage;
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls the server until a condition holds (no timing is asserted; the bound only stops a broken test).</summary>
    private static void WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            Thread.Sleep(5);
        }

        Assert.True(condition(), "The condition never held.");
    }
}
