using Dials.Storage.Tests;
using Dials.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dials.Storage.Sql.Tests;

/// <summary>The contract and the database tests on a SQLite file of the test's own, plus SQLite's locking.</summary>
public sealed class SqliteStorageTests : SqlStorageTests, IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dials-sqlite-tests", Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(directory, "study.db");

    // No pooling: every storage (and every call) gets SQLite handles of its own, as separate processes would.
    private SqliteConnectionStringBuilder Connection => new() { DataSource = File, Pooling = false };

    private string ConnectionString => Connection.ToString();

    protected override SqlStudyStorage OpenSeparately() => new SqliteStorage(Connection);

    protected override void ExecuteRaw(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected override long CountRaw(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private SqliteConnection HoldWriteLock()
    {
        var holder = new SqliteConnection(ConnectionString);
        holder.Open();
        using var command = holder.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE; UPDATE dials_studies SET next_trial = next_trial";
        command.ExecuteNonQuery();
        return holder;
    }

    [Fact]
    public void A_file_locked_by_another_writer_fails_clearly_after_the_busy_timeout_and_changes_nothing()
    {
        var storage = new SqliteStorage(Connection, TimeSpan.FromMilliseconds(100));
        storage.CreateStudy(Study, false);

        using (var holder = new SqliteConnection(ConnectionString))
        {
            holder.Open();
            using var transaction = holder.BeginTransaction(deferred: false);
            using (var command = holder.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "UPDATE dials_studies SET next_trial = next_trial";
                command.ExecuteNonQuery();
            }

            var error = Assert.Throws<TimeoutException>(() => storage.CreateTrial("s", T0, null));
            Assert.Contains(File, error.Message);
            Assert.Contains("locked", error.Message);
            Assert.Contains("creating a trial in study 's'", error.Message);

            // Readers are not blocked by the writer (WAL).
            Assert.Empty(storage.ReadTrials("s"));
        }

        Assert.Equal(0, storage.CreateTrial("s", T0, null)!.Number);
    }

    [Fact]
    public void The_file_is_in_wal_mode()
    {
        OpenSeparately().CreateStudy(Study, false);
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x;Mode=Memory")]
    [InlineData("Data Source=")]
    public void In_memory_or_unnamed_databases_are_refused(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteStorage(new SqliteConnectionStringBuilder(connectionString)));
        Assert.Equal("connection", error.ParamName);
    }

    [Fact]
    public void A_path_opens_the_same_database_as_its_connection_string()
    {
        var byPath = new SqliteStorage(File);
        byPath.CreateStudy(Study, false);
        Assert.Equal(Path.GetFullPath(File), byPath.FilePath);
        Assert.Equal(Study, OpenSeparately().CreateStudy(Study, loadIfExists: true));
    }

    [Fact]
    public void A_connection_string_given_as_a_path_is_refused_rather_than_made_a_file_of_that_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteStorage(ConnectionString));
        Assert.Equal("path", error.ParamName);
        Assert.Contains("SqliteConnectionStringBuilder", error.Message);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void A_path_with_an_equals_sign_is_a_path()
    {
        var path = Path.Combine(directory, "lr=0.1.db");
        var storage = new SqliteStorage(path);
        storage.CreateStudy(Study, false);
        Assert.Equal(Path.GetFullPath(path), storage.FilePath);
        Assert.True(System.IO.File.Exists(path));
    }

    [Fact]
    public void Reading_never_waits_for_a_writer()
    {
        OpenSeparately().CreateStudy(Study, false);
        using var holder = HoldWriteLock();

        // A storage opening the file while another process writes: its schema check and its reads take no write lock,
        // so they do not wait (a busy timeout this short would otherwise fail them).
        var reader = new SqliteStorage(Connection, TimeSpan.FromMilliseconds(50));
        Assert.Equal([Study], reader.ListStudies());
        Assert.Empty(reader.ReadTrials("s"));
        Assert.Empty(new SqliteStorage(File, TimeSpan.FromMilliseconds(50), readOnly: true).ReadTrials("s"));
    }

    [Fact]
    public void A_read_only_storage_reads_refuses_changes_and_leaves_the_file_as_it_was()
    {
        var writer = OpenSeparately();
        writer.CreateStudy(Study, false);
        writer.CreateTrial("s", T0, null);
        writer.FinishTrial("s", 0, TrialState.Complete, 0.5, TimeSpan.Zero, null);
        var before = System.IO.File.ReadAllBytes(File);

        foreach (var reader in new[]
                 {
                     new SqliteStorage(new SqliteConnectionStringBuilder($"{ConnectionString};Mode=ReadOnly")), new SqliteStorage(File, readOnly: true),
                 })
        {
            Assert.True(reader.IsReadOnly);
            Assert.Equal([Study], reader.ListStudies());
            Assert.Equal(0.5, Assert.Single(reader.ReadTrials("s")).Value);
            Assert.Equal(1, reader.ReadTrials("s").Count(t => t.IsFinished));
            var error = Assert.Throws<InvalidOperationException>(() => reader.CreateTrial("s", T0, null));
            Assert.Contains(File, error.Message);
            Assert.Contains("reading only", error.Message);
            Assert.Throws<InvalidOperationException>(() => reader.FailStaleTrials("s", T0, "quiet"));
        }

        Assert.Equal(before, System.IO.File.ReadAllBytes(File));
    }

    [Fact]
    public void A_file_without_write_permission_can_be_read()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // Root reads and writes whatever the permissions say (and Windows has no such modes); the Mode=ReadOnly test
            // above covers those.
            return;
        }

        var writer = OpenSeparately();
        writer.CreateStudy(Study, false);
        writer.CreateTrial("s", T0, null);
        SqliteConnection.ClearAllPools();
        System.IO.File.SetUnixFileMode(File, UnixFileMode.UserRead);
        System.IO.File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            Assert.Single(new SqliteStorage(File, readOnly: true).ReadTrials("s"));
            Assert.Single(OpenSeparately().ReadTrials("s"));
            var error = Assert.ThrowsAny<Exception>(() => OpenSeparately().CreateTrial("s", T0, null));
            Assert.Contains(File, error.Message);
        }
        finally
        {
            System.IO.File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            System.IO.File.SetUnixFileMode(File, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void Opening_a_missing_file_for_reading_creates_nothing()
    {
        var missing = Path.Combine(directory, "not-here", "study.db");
        var reader = new SqliteStorage(missing, readOnly: true);

        var error = Assert.Throws<FileNotFoundException>(() => reader.ListStudies());
        Assert.Contains(missing, error.Message);
        Assert.Throws<FileNotFoundException>(() => reader.ReadTrials("s"));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public void An_empty_file_opened_for_reading_holds_no_study_and_stays_empty()
    {
        Directory.CreateDirectory(directory);
        System.IO.File.WriteAllBytes(File, []);
        var reader = new SqliteStorage(File, readOnly: true);

        Assert.Empty(reader.ListStudies());
        Assert.Contains("No study named 's'", Assert.Throws<InvalidOperationException>(() => reader.ReadTrials("s")).Message);
        Assert.Equal(0, new FileInfo(File).Length);
        Assert.Equal(["study.db"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_that_is_not_a_database_is_named_in_the_error(bool readOnly)
    {
        Directory.CreateDirectory(directory);
        System.IO.File.WriteAllText(File, "trial,value\n0,0.5\n" + new string('x', 5000));
        var before = System.IO.File.ReadAllBytes(File);

        var error = Assert.Throws<IOException>(() => new SqliteStorage(File, readOnly: readOnly).ReadTrials("s"));
        Assert.Contains(File, error.Message);
        Assert.Contains("not a SQLite database or is damaged", error.Message);
        Assert.Equal(before, System.IO.File.ReadAllBytes(File));
    }

    [Fact]
    public void A_truncated_database_is_named_in_the_error()
    {
        var writer = OpenSeparately();
        writer.CreateStudy(Study, false);
        for (var i = 0; i < 300; i++)
        {
            writer.CreateTrial("s", T0, null);
            writer.SetTrialPoint("s", i, [i / 300.0, 1], "random", new string('r', 200));
        }

        // Pooling is off, so the last connection has closed and the write-ahead log is folded into the file.
        var length = new FileInfo(File).Length;
        using (var stream = new FileStream(File, FileMode.Open))
        {
            stream.SetLength(length / 2);
        }

        var error = Assert.Throws<IOException>(() => new SqliteStorage(File, readOnly: true).ReadTrials("s"));
        Assert.Contains(File, error.Message);
        Assert.Contains("damaged", error.Message);
    }

    [Fact]
    public void A_file_written_by_schema_version_2_opens_read_only_as_it_is_and_upgrades_when_opened_for_writing()
    {
        // Written by Dials before version 3 (the fixture's four trials: complete with two reports from a queued
        // point, pruned with NaN in its point, failed, running; one point still queued).
        Directory.CreateDirectory(directory);
        System.IO.File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-v2.db"), File);
        var before = System.IO.File.ReadAllBytes(File);
        var expected = new[]
        {
            "0 Complete [0.25,2] 0.125 IntermediateValue { Step = 1, Value = 0.5 },IntermediateValue { Step = 2, Value = 0.25 } " +
            "2026-01-01T00:00:00.0000000+02:00 00:00:03  queued baseline",
            "1 Pruned [0.75,NaN]  IntermediateValue { Step = 1, Value = 0.9 } 2026-01-01T00:00:05.0000000+02:00 00:00:01  random ",
            "2 Failed [0.5,4]   2026-01-01T00:00:07.0000000+02:00 00:00:02 boom TPE model of 2 trials",
            "3 Running [0.1,8]   2026-01-01T00:00:09.0000000+02:00   TPE ",
        };

        var reader = new SqliteStorage(File, readOnly: true);
        Assert.Equal(expected, reader.ReadTrials("fixture").Select(Describe));
        Assert.Equal(before, System.IO.File.ReadAllBytes(File));
        Assert.Equal(2, CountRaw("SELECT MAX(version) FROM dials_schema_version"));

        var writer = OpenSeparately();
        Assert.Equal(expected, writer.ReadTrials("fixture").Select(Describe));
        Assert.Equal(SqlStudyStorage.SchemaVersion, CountRaw("SELECT MAX(version) FROM dials_schema_version"));
        var next = writer.CreateTrial("fixture", T0, null)!;
        Assert.Equal(4, next.Number);
        Assert.Equal([0.9, 1], next.QueuedPoint!);
        Assert.True(writer.FinishTrial("fixture", 3, TrialState.Complete, 0.5, TimeSpan.Zero, null));
        Assert.Equal([TrialState.Complete, TrialState.Running], reader.ReadTrials("fixture").Skip(3).Select(t => t.State));
    }

    [Fact]
    public void A_file_written_by_schema_version_3_reads_back_every_fact_and_resumes()
    {
        // Written before trials kept value vectors and constraints (see FixtureStudy).
        Directory.CreateDirectory(directory);
        System.IO.File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-v3.db"), File);
        var before = System.IO.File.ReadAllBytes(File);

        FixtureStudy.AssertHoldsEveryFact(new SqliteStorage(File, readOnly: true), negativeZero: false);
        Assert.Equal(before, System.IO.File.ReadAllBytes(File));

        var writer = OpenSeparately();
        FixtureStudy.AssertHoldsEveryFact(writer, negativeZero: false);
        FixtureStudy.AssertResumes(writer);
        Assert.Equal(SqlStudyStorage.SchemaVersion, CountRaw("SELECT MAX(version) FROM dials_schema_version"));
        Assert.Equal(writer.ReadTrials("fixture").Select(FixtureStudy.Describe), OpenSeparately().ReadTrials("fixture").Select(FixtureStudy.Describe));
    }

    [Fact]
    public void A_file_written_by_schema_version_5_reads_unnamed_objectives_read_only_and_upgrades_when_opened_for_writing()
    {
        // Written by Dials at commit 1c07bc1 (schema version 5, before objective names were kept): a study of two
        // objectives (minimize, maximize) with two complete trials, the second with a constraint, and a
        // single-objective study with one trial.
        Directory.CreateDirectory(directory);
        System.IO.File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-v5.db"), File);
        var before = System.IO.File.ReadAllBytes(File);

        var reader = new SqliteStorage(File, readOnly: true);
        AssertHoldsTheVersion5Studies(reader);
        Assert.Equal(before, System.IO.File.ReadAllBytes(File));
        Assert.Equal(5, CountRaw("SELECT MAX(version) FROM dials_schema_version"));

        var writer = OpenSeparately();
        AssertHoldsTheVersion5Studies(writer);
        Assert.Equal(SqlStudyStorage.SchemaVersion, CountRaw("SELECT MAX(version) FROM dials_schema_version"));
        var snapshot = StudySnapshot.Load(writer, "pareto");
        Assert.Equal([Direction.Minimize, Direction.Maximize], snapshot.Directions);
        Assert.Null(snapshot.ObjectiveNames);

        // The upgraded file takes named studies beside the old ones, and a reader opened now sees them (one opened
        // before the upgrade keeps reading the version it found, which has no names).
        var named = new StoredStudy("named", Direction.Minimize, "x: float in [0, 1]")
        {
            Directions = [Direction.Minimize, Direction.Minimize],
            ObjectiveNames = ["rmse", "latency"],
        };
        writer.CreateStudy(named, false);
        Assert.Equal(["rmse", "latency"], new SqliteStorage(File, readOnly: true).ListStudies().Single(s => s.Name == "named").ObjectiveNames);
        Assert.Null(reader.ListStudies().Single(s => s.Name == "named").ObjectiveNames);
        Assert.Equal(2, writer.CreateTrial("pareto", T0, null)!.Number);
    }

    private static void AssertHoldsTheVersion5Studies(IStudyStorage storage)
    {
        var studies = storage.ListStudies();
        Assert.Equal(["pareto", "single"], studies.Select(s => s.Name));
        Assert.Equal([Direction.Minimize, Direction.Maximize], studies[0].Directions);
        Assert.Equal([Direction.Maximize], studies[1].Directions);
        Assert.All(studies, s => Assert.Null(s.ObjectiveNames));
        var trials = storage.ReadTrials("pareto");
        Assert.Equal([[0.5, 2.0], [0.25, 1.0]], trials.Select(t => t.Values!.ToArray()));
        Assert.Equal([new ConstraintValue("memory", -1)], trials[1].Constraints!);
        Assert.Equal(TimeSpan.FromSeconds(0.5), trials[0].CpuTime);
        Assert.Equal(3.5, Assert.Single(storage.ReadTrials("single")).Value);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
