namespace Dials.Storage.Tests;

/// <summary>Journals written by earlier versions of Dials open unchanged: every fact reads back, and their studies
/// resume. The SQL back ends' fixtures are tested in Dials.Storage.Sql.Tests.</summary>
public sealed class OldFixtureTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-old-fixtures-").FullName;

    [Fact]
    public void A_journal_written_before_value_vectors_reads_back_every_fact_and_resumes()
    {
        var journal = Path.Combine(directory, "study.jsonl");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "written-before-value-vectors.jsonl"), journal);
        var warnings = new List<string>();

        var storage = new JournalStorage(journal, warnings.Add);
        FixtureStudy.AssertHoldsEveryFact(storage);
        Assert.Empty(storage.Damage);

        FixtureStudy.AssertResumes(storage);

        // What the resumed study appended reads back from the file, beside the old lines.
        var reopened = new JournalStorage(journal, warnings.Add);
        Assert.Equal(storage.ReadTrials("fixture").Select(FixtureStudy.Describe), reopened.ReadTrials("fixture").Select(FixtureStudy.Describe));
        Assert.Empty(reopened.Damage);
        Assert.Empty(warnings);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
