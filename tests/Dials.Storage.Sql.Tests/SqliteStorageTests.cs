using Dials.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dials.Storage.Sql.Tests;

/// <summary>The contract and the database tests on a SQLite file of the test's own, plus SQLite's locking.</summary>
public sealed class SqliteStorageTests : SqlStorageTests, IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dials-sqlite-tests", Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(directory, "study.db");

    // No pooling: every storage (and every call) gets SQLite handles of its own, as separate processes would.
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = File, Pooling = false }.ToString();

    protected override IStudyStorage OpenSeparately() => new SqliteStorage(ConnectionString);

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

    [Fact]
    public void A_file_locked_by_another_writer_fails_clearly_after_the_busy_timeout_and_changes_nothing()
    {
        var storage = new SqliteStorage(ConnectionString, TimeSpan.FromMilliseconds(100));
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

            var error = Assert.Throws<TimeoutException>(() => storage.CreateTrial("s", T0, null, false));
            Assert.Contains(File, error.Message);
            Assert.Contains("locked", error.Message);
            Assert.Contains("creating a trial in study 's'", error.Message);

            // Readers are not blocked by the writer (WAL).
            Assert.Empty(storage.ReadTrials("s"));
        }

        Assert.Equal(0, storage.CreateTrial("s", T0, null, false)!.Number);
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
        var error = Assert.Throws<ArgumentException>(() => new SqliteStorage(connectionString));
        Assert.Equal("connectionString", error.ParamName);
    }

    [Fact]
    public void A_path_opens_the_same_database_as_its_connection_string()
    {
        var byPath = SqliteStorage.ForFile(File);
        byPath.CreateStudy(Study, false);
        Assert.Equal(Path.GetFullPath(File), byPath.FilePath);
        Assert.Equal(Study, OpenSeparately().CreateStudy(Study, loadIfExists: true));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
