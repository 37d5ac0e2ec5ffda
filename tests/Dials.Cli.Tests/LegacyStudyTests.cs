using Dials.Samplers;
using Dials.Storage.Sqlite;

namespace Dials.Cli.Tests;

/// <summary>Studies stored by Dials 0.1.0 (Fixtures/legacy-0.1.0.*, whose space is <see cref="LegacySettings"/> kept as
/// display lines) open, match the same space in code, go on, and are read by <c>dials</c>.</summary>
public sealed class LegacyStudyTests : IDisposable
{
    private const int StoredTrials = 6;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("dials-legacy-");

    public static TheoryData<string> Formats => ["jsonl", "db"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_study_stored_by_0_1_0_is_joined_by_the_same_space_and_goes_on(string format)
    {
        var (storage, _) = Open(format);
        var signature = storage.ListStudies().Single().SpaceSignature;
        Assert.StartsWith("Dropout: float in [0, 0.5]\n", signature, StringComparison.Ordinal);

        var study = Study.Create<LegacySettings>(new StudyOptions { Name = "legacy", Storage = storage, Sampler = new RandomSampler(3) });
        Assert.Equal(StoredTrials, study.Snapshot().Trials.Count);
        await study.OptimizeAsync(c => c.Dropout + c.Layers, trials: StoredTrials + 2); // a budget counts the stored trials

        var trials = StudySnapshot.Load(storage, "legacy").Trials;
        Assert.Equal(StoredTrials + 2, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Empty(trials.SelectMany(t => LegacySettings.SearchSpace.Check(t.Point!.ToArray())));
        Assert.Equal(signature, storage.ListStudies().Single().SpaceSignature);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_space_rebuilt_from_a_0_1_0_study_has_the_declared_dimensions(string format)
    {
        var (storage, _) = Open(format);

        var space = StudySnapshot.Load(storage, "legacy").Space;

        var declared = LegacySettings.SearchSpace.Dimensions;
        Assert.Equal(declared.Select(d => d.ToString()).SkipLast(1), space.Dimensions.Select(d => d.ToString()).SkipLast(1));
        // The stored lines do not say that the days are an enum's members, so they come back as their names.
        Assert.Equal(declared[^1].Choices.Select(c => c.ToString()), space.Dimensions[^1].Choices);
        Assert.Equal(LegacySettings.SearchSpace.ParentOf(8), space.ParentOf(8));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Dials_trials_reads_a_0_1_0_study(string format)
    {
        var (_, spec) = Open(format);

        var run = CliProcess.Run("trials", "--storage", spec, "--study", "legacy");

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var name in LegacySettings.SearchSpace.Dimensions.Select(d => d.Name))
        {
            Assert.Contains(name, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("rms prop,v2", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_0_1_0_study_with_another_space_names_what_differs()
    {
        var (storage, _) = Open("jsonl");

        var error = Assert.Throws<ArgumentException>(() =>
            Study.Create<TrainingSettings>(new StudyOptions { Name = "legacy", Storage = storage }));

        Assert.Contains("Study 'legacy' is stored with another search space: 'LearningRate: float in [1E-05, 0.1] log' is now 'LearningRate: float in [0.0001, 0.1] log'", error.Message);
    }

    public void Dispose()
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle may linger on some systems; the temp folder is the OS's to clean then.
        }
    }

    /// <summary>A copy of the fixture, so that the checked-in file is never written to.</summary>
    private (IStudyStorage Storage, string Spec) Open(string format)
    {
        var path = Path.Combine(directory.FullName, "legacy-0.1.0." + format);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "legacy-0.1.0." + format), path);
        return format == "db"
            ? (new SqliteStorage(path), "sqlite:" + path)
            : (new JournalStorage(path), "journal:" + path);
    }
}
