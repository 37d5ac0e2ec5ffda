namespace Dials.Cli.Tests;

/// <summary>Mistakes end with a message on stderr and a documented exit code, and never leave files behind.</summary>
[Collection(StoredStudiesCollection.Name)]
public sealed class ErrorTests(StoredStudies stored)
{
    public static TheoryData<string> Commands => ["studies", "trials", "best", "importance", "report", "export"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_missing_journal_or_sqlite_file_is_reported_and_not_created(string command)
    {
        foreach (var kind in new[] { "journal", "sqlite" })
        {
            var path = Path.Combine(stored.Directory.FullName, $"missing-{command}.{kind}");

            var run = CliProcess.Run(ArgumentsFor(command, $"{kind}:{path}"));

            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"storage file not found: {path}", run.Error);
            Assert.Equal("", run.Out);
            Assert.False(File.Exists(path), $"{command} created {path}");
        }
    }

    [Fact]
    public void A_sqlite_connection_string_naming_a_missing_file_is_refused_too()
    {
        var path = Path.Combine(stored.Directory.FullName, "missing-conn.db");

        var run = CliProcess.Run("studies", "--storage", $"sqlite:Data Source={path};Cache=Shared");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"storage file not found: {path}", run.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void An_unknown_prefix_is_named_without_repeating_the_value()
    {
        var run = CliProcess.Run("studies", "--storage", "mysql:password=hunter2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Unknown storage prefix 'mysql:'", run.Error);
        Assert.Contains("journal:, sqlite: and postgres:", run.Error);
        Assert.DoesNotContain("hunter2", run.Error + run.Out);
    }

    [Fact]
    public void A_mistyped_prefix_is_an_error_not_a_journal_of_that_name()
    {
        var path = Path.Combine(stored.Directory.FullName, "typo.db");

        var run = CliProcess.Run("studies", "--storage", "sqllite:" + path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Unknown storage prefix 'sqllite:' (did you mean 'sqlite:'?)", run.Error);
        Assert.False(File.Exists(path));
        Assert.Empty(stored.Directory.GetFileSystemInfos("sqllite*"));
    }

    [Fact]
    public void A_sqlite_password_is_never_printed_and_makes_no_folder()
    {
        var path = Path.Combine(stored.Directory.FullName, "secret", "missing.db");

        var run = CliProcess.Run("studies", "--storage", $"sqlite:Data Source={path};Password=hunter2");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("hunter2", run.Error + run.Out);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        Assert.Empty(Directory.GetFileSystemEntries(Environment.CurrentDirectory, "*hunter2*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Reading_changes_no_byte_of_a_journal_or_sqlite_file()
    {
        foreach (var (spec, file) in new[] { (stored.JournalSpec, stored.Journal), (stored.SqliteSpec, stored.Sqlite) })
        {
            var before = Snapshot(file);

            var run = CliProcess.Run("trials", "--storage", spec, "--study", "ranker");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(before, Snapshot(file));
        }

        // A journal alone in its folder stays alone: reading takes no lock file.
        var alone = Directory.CreateDirectory(Path.Combine(stored.Directory.FullName, "alone")).FullName;
        var copy = Path.Combine(alone, "copy.jsonl");
        File.Copy(stored.Journal, copy);
        Assert.Equal(0, CliProcess.Run("trials", "--storage", copy, "--study", "ranker").ExitCode);
        Assert.Equal([copy], Directory.GetFileSystemEntries(alone));
        Assert.Equal(File.ReadAllBytes(stored.Journal), File.ReadAllBytes(copy));

        // Every file beside the storage, with its length and content: a read must not add, grow or touch any. SQLite's
        // -shm file is left out: it is the WAL's shared-memory index, which every reader updates by design.
        static string Snapshot(string file) => string.Join("\n", new DirectoryInfo(Path.GetDirectoryName(file)!)
            .GetFiles(Path.GetFileName(file) + "*").Where(f => !f.Name.EndsWith("-shm", StringComparison.Ordinal))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name} {f.Length} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f.FullName)))}"));
    }

    [Fact]
    public void A_missing_study_lists_the_studies_there_are()
    {
        var run = CliProcess.Run("trials", "--storage", stored.JournalSpec, "--study", "rankr");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no study 'rankr'. The storage holds: 'doomed', 'ranker', 'tiny'.", run.Error);
    }

    [Fact]
    public void Usage_mistakes_exit_with_2()
    {
        var noStorage = CliProcess.Run("studies");
        var badState = CliProcess.Run("trials", "--storage", stored.JournalSpec, "--study", "ranker", "--state", "lost");
        var badPair = CliProcess.Run("export", "--storage", stored.JournalSpec, "--study", "ranker", "--what", "log", "--format", "md");
        var badLimit = CliProcess.Run("trials", "--storage", stored.JournalSpec, "--study", "ranker", "--limit", "0");

        Assert.Equal(2, noStorage.ExitCode);
        Assert.Contains("--storage", noStorage.Error);
        Assert.Equal(2, badState.ExitCode);
        Assert.Contains("lost", badState.Error);
        Assert.Equal(2, badPair.ExitCode);
        Assert.Contains("--what log cannot be written as md", badPair.Error);
        Assert.Equal(2, badLimit.ExitCode);
        Assert.Contains("--limit must be positive", badLimit.Error);
    }

    private static string[] ArgumentsFor(string command, string spec) => command switch
    {
        "studies" => ["studies", "--storage", spec],
        "report" => ["report", "--storage", spec, "--study", "ranker", "--out", Path.Combine(Path.GetTempPath(), "never.html")],
        "export" => ["export", "--storage", spec, "--study", "ranker", "--what", "log", "--format", "csv"],
        _ => [command, "--storage", spec, "--study", "ranker"],
    };
}
