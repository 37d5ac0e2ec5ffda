using Dials.Options;

namespace Dials.Storage.Tests;

/// <summary>One reading of a storage spec everywhere: known prefixes, bare journal paths, unknown prefixes refused by
/// name, and secrets never shown.</summary>
public sealed class StorageLocationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-spec-").FullName;

    /// <summary>The specs here name every back end, so the database packages register their openers.</summary>
    public StorageLocationTests()
    {
        Dials.Storage.Sqlite.SqliteStorageOpener.Register();
        Dials.Storage.Postgres.PostgresStorageOpener.Register();
    }

    [Theory]
    [InlineData("journal:runs/a.jsonl", StorageKind.Journal, "runs/a.jsonl")]
    [InlineData("runs/a.jsonl", StorageKind.Journal, "runs/a.jsonl")]
    [InlineData(@"C:\runs\a.jsonl", StorageKind.Journal, @"C:\runs\a.jsonl")]
    [InlineData("./odd:name.jsonl", StorageKind.Journal, "./odd:name.jsonl")]
    [InlineData("/data/odd:name.jsonl", StorageKind.Journal, "/data/odd:name.jsonl")]
    [InlineData("journal:odd:name.jsonl", StorageKind.Journal, "odd:name.jsonl")]
    [InlineData("sqlite:runs/a.db", StorageKind.Sqlite, "runs/a.db")]
    [InlineData("SQLite:runs/a.db", StorageKind.Sqlite, "runs/a.db")]
    [InlineData("sqlite:Data Source=runs/a.db;Cache=Shared", StorageKind.Sqlite, "runs/a.db")]
    [InlineData("postgres:Host=db;Database=t", StorageKind.Postgres, null)]
    public void Specs_are_read_one_way(string spec, StorageKind kind, string? file)
    {
        var location = StorageLocation.Parse(spec);

        Assert.Equal(kind, location.Kind);
        Assert.Equal(file, location.FilePath);
    }

    [Theory]
    [InlineData("sqllite:a.db", "Unknown storage prefix 'sqllite:' (did you mean 'sqlite:'?)")]
    [InlineData("postgresql://u:hunter2@db/t", "Unknown storage prefix 'postgresql:' (did you mean 'postgres:'?)")]
    [InlineData("mysql:Server=db;Password=hunter2", "Unknown storage prefix 'mysql:';")]
    [InlineData("jounral:a.jsonl", "Unknown storage prefix 'jounral:' (did you mean 'journal:'?)")]
    [InlineData("sqlite:", "The storage spec 'sqlite:' names nothing after its prefix.")]
    [InlineData("  ", "The storage spec is empty")]
    public void Unknown_prefixes_and_empty_specs_are_errors_that_never_repeat_the_spec(string spec, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => StorageLocation.Parse(spec));

        Assert.Contains(message, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Equal(error.Message.Split(" (Parameter")[0], StorageSpec.Problem(spec)); // The options binding's words too.
    }

    [Theory]
    [InlineData("sqlite:Data Source=a.db;Password=hunter2", "sqlite:")]
    [InlineData("postgres:Host=db;Username=dials;Password=hunter2;Database=t", "postgres:")]
    [InlineData("postgres:Host=db;PWD=hunter2", "postgres:")]
    [InlineData("postgres:Host=db;Password='hunter2;x", "postgres:")]
    public void A_location_prints_without_its_password(string spec, string prefix)
    {
        var text = StorageLocation.Parse(spec).ToString();

        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text);
    }

    [Fact]
    public void Opening_a_sqlite_spec_with_a_password_repeats_it_nowhere_and_creates_no_folder_named_after_it()
    {
        var spec = $"sqlite:Data Source={Path.Combine(directory, "db", "s.db")};Password=hunter2";
        var messages = new List<string>();
        var output = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            var storage = StorageSpec.Open(spec);
            storage.ListStudies();
        }
        catch (Exception exception)
        {
            messages.Add(exception.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        Assert.DoesNotContain("hunter2", string.Join("\n", messages) + output);
        Assert.Empty(Directory.GetFileSystemEntries(directory, "*hunter2*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFileSystemEntries(Environment.CurrentDirectory, "*hunter2*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Opening_for_reading_refuses_a_missing_file_and_creates_nothing()
    {
        foreach (var spec in new[] { "journal:" + Path.Combine(directory, "none", "a.jsonl"), "sqlite:" + Path.Combine(directory, "none", "a.db"), Path.Combine(directory, "none.jsonl") })
        {
            var error = Assert.Throws<FileNotFoundException>(() => StorageSpec.OpenForReading(spec));

            Assert.Contains("storage file not found", error.Message);
        }

        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
