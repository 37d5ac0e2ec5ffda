using Dials.Storage.Tests;
using Dials.Storage.Postgres;

namespace Dials.Storage.Sql.Tests;

/// <summary>The contract and the database tests on a PostgreSQL schema of the test's own, plus a server that goes
/// away: a session ended mid-call, a COMMIT whose acknowledgement is lost, a server unreachable for longer than the
/// reconnect timeout, and a real restart mid-study. Skipped (with the reason) when <c>DIALS_POSTGRES</c> is unset, except on CI.</summary>
[NeedsPostgres]
public sealed class PostgresStorageTests : SqlStorageTests, IDisposable
{
    private readonly PostgresDatabase database = new();
    private readonly List<PostgresStorage> opened = [];

    protected override SqlStudyStorage OpenSeparately() => Open(database.ConnectionString);

    protected override void ExecuteRaw(string sql) => database.Execute($"SET search_path TO {database.Schema}; {sql}");

    protected override long CountRaw(string sql) => database.Count($"SET search_path TO {database.Schema}; {sql}");

    [Fact]
    public void A_study_written_by_schema_version_3_reads_back_every_fact_and_resumes()
    {
        // The dump of a study written before trials kept value vectors and constraints (see FixtureStudy), loaded into
        // the test's schema as a plain SQL script.
        var dump = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "postgres-schema-v3.sql"));
        database.Execute(dump.Replace("dials_fixture", database.Schema, StringComparison.Ordinal));

        var storage = OpenSeparately();
        FixtureStudy.AssertHoldsEveryFact(storage, negativeZero: false);
        FixtureStudy.AssertResumes(storage);
        Assert.Equal(SqlStudyStorage.SchemaVersion, CountRaw("SELECT MAX(version) FROM dials_schema_version"));
        Assert.Equal(storage.ReadTrials("fixture").Select(FixtureStudy.Describe), OpenSeparately().ReadTrials("fixture").Select(FixtureStudy.Describe));
    }

    [Fact]
    public void A_session_ended_mid_call_fails_clearly_and_leaves_no_partial_rows_when_not_retrying()
    {
        var (storage, call) = EndSessionMidCreateTrial(TimeSpan.Zero);

        var error = Assert.Throws<IOException>(() => call.GetAwaiter().GetResult());
        Assert.Contains("Lost the connection to the PostgreSQL database", error.Message);
        Assert.Contains("creating a trial in study 's'", error.Message);
        Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Password!, error.ToString());

        // Nothing of the call was kept: the point is still queued, no trial exists, and the counter did not move.
        Assert.Empty(Open(database.ConnectionString).ReadTrials("s"));
        Assert.Equal(1, CountRaw("SELECT COUNT(*) FROM dials_queued_points"));
        Assert.Equal(0, CountRaw("SELECT next_trial FROM dials_studies"));

        // The storage recovers with a fresh connection, and the queued point is handed out as if nothing happened.
        Assert.Equal([0.25], storage.CreateTrial("s", T0, null)!.QueuedPoint!);
    }

    [Fact]
    public async Task A_session_ended_mid_call_is_retried_on_a_fresh_connection()
    {
        var (storage, call) = EndSessionMidCreateTrial(PostgresStorage.DefaultReconnectTimeout);

        // The retry ran the whole transaction again: one trial, with the queued point, and nothing left queued.
        var created = (await call)!;
        Assert.Equal((0, 0.25), (created.Number, created.QueuedPoint![0]));
        Assert.Equal(0, Assert.Single(Open(database.ConnectionString).ReadTrials("s")).Number);
        Assert.Equal(0, CountRaw("SELECT COUNT(*) FROM dials_queued_points"));
        Assert.Equal(1, storage.CreateTrial("s", T0, null)!.Number);
    }

    [Fact]
    public void Calls_whose_commit_acknowledgement_is_lost_are_retried_without_recording_twice()
    {
        using var proxy = ProxyToServer();
        var storage = OpenThrough(proxy);

        // Each call below commits, loses the answer, retries on a fresh connection, finds its own work and answers as
        // the first attempt would have.
        proxy.LoseNextCommitAcknowledgement();
        Assert.Equal(Study, storage.CreateStudy(Study, loadIfExists: false));
        proxy.LoseNextCommitAcknowledgement();
        storage.Enqueue("s", [0.25, 2], "baseline");
        proxy.LoseNextCommitAcknowledgement();
        var queued = storage.CreateTrial("s", T0, null)!;
        Assert.Equal((0, 0.25, "baseline"), (queued.Number, queued.QueuedPoint![0], queued.QueuedReason));
        proxy.LoseNextCommitAcknowledgement();
        Assert.Equal(1, storage.CreateTrial("s", T0, null)!.Number);
        proxy.LoseNextCommitAcknowledgement();
        storage.SetTrialPoint("s", 1, [0.5, 3], "random", null);
        proxy.LoseNextCommitAcknowledgement();
        storage.ReportIntermediate("s", 1, new IntermediateValue(1, 0.75));
        proxy.LoseNextCommitAcknowledgement();
        Assert.True(storage.FinishTrial("s", 1, TrialState.Complete, 0.5, TimeSpan.FromSeconds(2), null));
        proxy.LoseNextCommitAcknowledgement();
        Assert.True(storage.FinishTrial("s", 0, TrialState.Failed, null, TimeSpan.FromSeconds(1), "boom"));
        Assert.Equal(8, proxy.LostAcknowledgements);

        // Exactly what one successful call each would have stored.
        var trials = Open(database.ConnectionString).ReadTrials("s");
        Assert.Equal(2, trials.Count);
        Assert.Equal((TrialState.Failed, "boom"), (trials[0].State, trials[0].FailReason));
        Assert.Equal((TrialState.Complete, 0.5), (trials[1].State, trials[1].Value!.Value));
        Assert.Equal([0.5, 3], trials[1].Point);
        Assert.Equal([new IntermediateValue(1, 0.75)], trials[1].Intermediate);
        Assert.Equal((0, 2, 1), (CountRaw("SELECT COUNT(*) FROM dials_queued_points"), CountRaw("SELECT next_trial FROM dials_studies"),
            CountRaw("SELECT COUNT(*) FROM dials_studies")));

        // A second finish of a finished trial is still refused: only a retry recognises its own result.
        Assert.False(storage.FinishTrial("s", 1, TrialState.Complete, 0.5, TimeSpan.FromSeconds(2), null));
    }

    [Fact]
    public void A_sampled_trial_whose_commit_acknowledgement_is_lost_is_retried_without_recording_twice()
    {
        using var proxy = ProxyToServer();
        var storage = OpenThrough(proxy);
        storage.CreateStudy(Study, false);
        var asked = new List<int>();

        // The transaction that inserts the trial with its point commits, the answer is lost, and the retry finds the
        // trial its first attempt made instead of making (and sampling) another.
        proxy.LoseNextCommitAcknowledgement();
        var created = storage.CreateSampledTrial("s", T0, null, (number, _) =>
        {
            asked.Add(number);
            return new Dials.Samplers.Proposal([0.5, 3], "TPE", "model of 0 trials");
        })!;

        Assert.Equal(1, proxy.LostAcknowledgements);
        Assert.Equal((0, (IReadOnlyList<double>?)null), (created.Number, created.QueuedPoint));
        Assert.Equal([0], asked);
        var trial = Assert.Single(Open(database.ConnectionString).ReadTrials("s"));
        Assert.Equal((TrialState.Running, "TPE", "model of 0 trials"), (trial.State, trial.Strategy, trial.StrategyReason));
        Assert.Equal([0.5, 3], trial.Point);
        Assert.Equal(1, CountRaw("SELECT next_trial FROM dials_studies"));
        Assert.Equal(1, storage.CreateTrial("s", T0, null)!.Number);
    }

    [Fact]
    public void Sampled_trials_of_more_workers_than_pooled_connections_never_wait_for_a_connection()
    {
        // Six workers on one storage whose pool holds two connections: CreateTrial then SetTrialPoint finishes this
        // (each call needs one connection at a time), and so must CreateSampledTrial, whose sampler reads the trials.
        var storage = Open($"{database.ConnectionString};Maximum Pool Size=2;Timeout=3", TimeSpan.FromSeconds(5));
        storage.CreateStudy(Study, false);
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, w =>
        {
            try
            {
                while (storage.CreateSampledTrial("s", T0, limit: 120, (n, _) => new Dials.Samplers.Proposal([n / 120.0, 1 + w], "random")) is { } trial)
                {
                    Assert.True(storage.FinishTrial("s", trial.Number, TrialState.Complete, trial.Number, TimeSpan.Zero, null));
                }
            }
            catch (IOException error)
            {
                errors.Add(error.Message);
            }
        });

        Assert.Empty(errors);
        var trials = Open(database.ConnectionString).ReadTrials("s");
        Assert.Equal(Enumerable.Range(0, 120), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(t.Number / 120.0, t.Point[0]));
    }

    [Fact]
    public void A_result_that_cannot_be_written_in_time_fails_naming_study_trial_and_result()
    {
        using var proxy = ProxyToServer();
        var storage = OpenThrough(proxy, TimeSpan.FromSeconds(1));
        storage.CreateStudy(Study, false);
        storage.CreateTrial("s", T0, null);

        proxy.Refuse(true);
        var error = Assert.Throws<IOException>(() => storage.FinishTrial("s", 0, TrialState.Complete, 0.125, TimeSpan.FromSeconds(1), null));
        Assert.Contains("finishing trial 0 of study 's' as Complete with value 0.125", error.Message);
        Assert.Contains("Retried on fresh connections", error.Message);

        // Nothing was written, and once the server is reachable again the same storage records the result.
        proxy.Refuse(false);
        Assert.Equal(TrialState.Running, Assert.Single(Open(database.ConnectionString).ReadTrials("s")).State);
        Assert.True(storage.FinishTrial("s", 0, TrialState.Complete, 0.125, TimeSpan.FromSeconds(1), null));
    }

    [Fact]
    public void An_unreachable_server_fails_clearly_without_the_password()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1", Port = UnusedPort(), Timeout = 2, Password = "do-not-show-me",
        };
        var storage = Open(builder.ToString(), TimeSpan.FromMilliseconds(300));

        var error = Assert.Throws<IOException>(() => storage.ReadTrials("s"));
        Assert.Contains($"127.0.0.1:{builder.Port}", error.Message);
        Assert.DoesNotContain("do-not-show-me", error.ToString());
    }

    [Fact]
    public async Task Workers_go_on_through_a_server_restart_and_every_result_is_recorded_once()
    {
        // A server of this test's own (see RestartablePostgres), in a schema of its own.
        var server = new RestartablePostgres();
        var schema = $"dials_restart_{Guid.NewGuid():N}";
        using (var admin = Npgsql.NpgsqlDataSource.Create(server.ConnectionString))
        {
            admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQuery();
        }

        var connection = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString) { SearchPath = schema }.ToString();
        var storage = Open(connection);
        storage.CreateStudy(Study, false);
        const int budget = 60;
        var finished = new System.Collections.Concurrent.ConcurrentBag<int>();
        var started = new System.Collections.Concurrent.ConcurrentBag<int>();
        var workers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            while (storage.CreateTrial("s", T0, budget) is { } trial)
            {
                started.Add(trial.Number);
                storage.SetTrialPoint("s", trial.Number, [trial.Number / (double)budget, w], "random", null);
                Thread.Sleep(20);
                storage.ReportIntermediate("s", trial.Number, new IntermediateValue(1, trial.Number));
                Assert.True(storage.FinishTrial("s", trial.Number, TrialState.Complete, trial.Number, TimeSpan.FromMilliseconds(20), null));
                finished.Add(trial.Number);
            }
        })).ToArray();

        // Restart mid-study: every session ends, connections are refused for a moment, then the server is back.
        WaitUntil(() => started.Count >= budget / 3);
        server.Stop();
        Thread.Sleep(1000);
        server.Start();
        await Task.WhenAll(workers);

        Assert.Equal(Enumerable.Range(0, budget), finished.Order());
        var trials = Open(connection).ReadTrials("s");
        Assert.Equal(Enumerable.Range(0, budget), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal((TrialState.Complete, (double)t.Number), (t.State, t.Value!.Value)));
        Assert.All(trials, t => Assert.Equal([new IntermediateValue(1, t.Number)], t.Intermediate));
        using (var admin = Npgsql.NpgsqlDataSource.Create(server.ConnectionString))
        {
            admin.CreateCommand($"DROP SCHEMA {schema} CASCADE").ExecuteNonQuery();
        }
    }

    [Fact]
    public async Task A_sampler_failure_in_an_attempt_that_was_rolled_back_does_not_fail_the_trial_its_retry_sampled()
    {
        // A study whose sampler fails once, on a storage whose first attempt at creating the trial is ended by the
        // server after the sampler ran (and failed): the retry samples again, and that proposal is what the trial holds.
        var victimName = $"victim_{Guid.NewGuid():N}";
        var storage = Open($"{database.ConnectionString};Application Name={victimName}");
        var space = new SearchSpace<double>([Dimension.Float("x", 0, 1)], () => 0.5, (x, _) => x, (point, _) => point[0]);
        var sampler = new FailingOnceSampler();
        var study = Dials.Study.Create(space, new StudyOptions { Name = "s", Storage = storage, Sampler = sampler });

        using var lockConnection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        lockConnection.Open();
        using var lockTransaction = lockConnection.BeginTransaction();
        using (var command = new Npgsql.NpgsqlCommand("LOCK TABLE dials_trials IN EXCLUSIVE MODE", lockConnection, lockTransaction))
        {
            command.ExecuteNonQuery();
        }

        var ask = Task.Run(study.Ask);
        WaitUntil(() => database.Count(
            $"SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '{victimName}' AND wait_event_type = 'Lock'") == 1);
        database.Count($"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{victimName}'");
        lockTransaction.Rollback();

        var trial = await ask;
        Assert.Equal(2, sampler.Calls);
        var stored = Assert.Single(Open(database.ConnectionString).ReadTrials("s"));
        Assert.Equal((TrialState.Running, (string?)null), (stored.State, stored.FailReason));
        Assert.Equal(trial.Point, stored.Point);
    }

    /// <summary>Fails its first proposal, then proposes the middle of the space.</summary>
    private sealed class FailingOnceSampler : Dials.Samplers.ISampler
    {
        public int Calls { get; private set; }

        public double[] Sample(Dials.Samplers.SamplingContext context) =>
            ++Calls == 1 ? throw new InvalidOperationException("no idea yet") : [0.5];
    }

    /// <summary>Starts a CreateTrial that takes a queued point, then, while it waits for a table lock, ends its
    /// session from outside, as a server going away would.</summary>
    private (PostgresStorage Storage, Task<NewTrial?> Call) EndSessionMidCreateTrial(TimeSpan reconnectTimeout)
    {
        // The victim's connections carry an application name of their own, so they can be found and ended.
        var victimName = $"victim_{Guid.NewGuid():N}";
        var storage = Open($"{database.ConnectionString};Application Name={victimName}", reconnectTimeout);
        storage.CreateStudy(Study, false);
        storage.Enqueue("s", [0.25], null);

        // Hold the trials table so CreateTrial stops half-way: after taking the queued point, before inserting the trial.
        using var lockConnection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        lockConnection.Open();
        using var lockTransaction = lockConnection.BeginTransaction();
        using (var command = new Npgsql.NpgsqlCommand("LOCK TABLE dials_trials IN EXCLUSIVE MODE", lockConnection, lockTransaction))
        {
            command.ExecuteNonQuery();
        }

        var call = Task.Run(() => storage.CreateTrial("s", T0, null));
        WaitUntil(() => database.Count(
            $"SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '{victimName}' AND wait_event_type = 'Lock'") == 1);
        Assert.Equal(1, database.Count($"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{victimName}'"));
        if (reconnectTimeout == TimeSpan.Zero)
        {
            // Failing at once: wait for the failure before letting go of the table.
            ((IAsyncResult)call).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30));
        }

        lockTransaction.Rollback();
        return (storage, call);
    }

    public void Dispose()
    {
        foreach (var storage in opened)
        {
            storage.Dispose();
        }

        database.Dispose();
    }

    /// <summary>A proxy in front of the test server, which can lose or refuse what passes through it.</summary>
    private FaultyProxy ProxyToServer()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        return new FaultyProxy(server.Host!, server.Port);
    }

    /// <summary>A storage on the test database whose connections go through <paramref name="proxy"/>.</summary>
    private PostgresStorage OpenThrough(FaultyProxy proxy, TimeSpan? reconnectTimeout = null) =>
        Open(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1", Port = proxy.Port, SslMode = Npgsql.SslMode.Disable,
        }.ToString(), reconnectTimeout);

    private PostgresStorage Open(string connectionString, TimeSpan? reconnectTimeout = null)
    {
        var storage = new PostgresStorage(connectionString, reconnectTimeout ?? PostgresStorage.DefaultReconnectTimeout);
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
