using Dials.Storage;

namespace Dials.Options.Tests;

/// <summary>Dials.Options opens every storage kind through the openers the database packages register, and names the
/// package to add when a spec's back end is not registered (this project does not reference Dials.Storage.Postgres).</summary>
public sealed class StorageSpecTests
{
    private const string Missing = "A postgres: storage needs the Dials.Storage.Postgres package: reference it and call Dials.Storage.Postgres.PostgresStorageOpener.Register() once at start-up.";

    [Fact]
    public void A_spec_whose_package_is_not_registered_is_refused_naming_the_package_and_never_the_spec()
    {
        const string spec = "postgres:Host=db;Password=hunter2";

        Assert.Equal(Missing, StorageSpec.Problem(spec));
        var error = Assert.Throws<InvalidOperationException>(() => StorageSpec.Open(spec));
        Assert.Equal(Missing, error.Message);
        Assert.Throws<InvalidOperationException>(() => StorageSpec.OpenForReading(spec));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_package_opens_its_specs()
    {
        Dials.Storage.Sqlite.SqliteStorageOpener.Register();
        var path = Path.Combine(Directory.CreateTempSubdirectory("dials-spec-").FullName, "s.db");

        Assert.Null(StorageSpec.Problem("sqlite:" + path));
        Assert.IsType<Dials.Storage.Sqlite.SqliteStorage>(StorageSpec.Open("sqlite:" + path));
    }

    [Fact]
    public void The_journal_needs_no_package() =>
        Assert.Null(StorageSpec.Problem("journal:" + Path.Combine(Path.GetTempPath(), "x.jsonl")));
}
