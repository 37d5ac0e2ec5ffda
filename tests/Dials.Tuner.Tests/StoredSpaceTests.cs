using Dials.Storage;

namespace Dials.Tuner.Tests;

/// <summary>Joining a stored study checks its search space against the code's, whichever format stored it.</summary>
public sealed class StoredSpaceTests
{
    [Fact]
    public async Task A_study_stored_with_the_same_space_is_joined()
    {
        var storage = new InMemoryStorage();
        var first = Study.Create(TestSpaces.Mixed(), new StudyOptions { Name = "s", Storage = storage });
        await first.OptimizeAsync(_ => 1.0, trials: 2);

        var again = Study.Create(TestSpaces.Mixed(), new StudyOptions { Name = "s", Storage = storage });

        Assert.Equal(2, again.Snapshot().Trials.Count);
        Assert.StartsWith("{\"format\":\"dials.space\",\"version\":1,", Stored(storage, "s"));
    }

    [Fact]
    public async Task A_study_stored_as_display_lines_by_dials_0_1_0_is_joined_by_the_same_space()
    {
        var storage = new InMemoryStorage();
        var lines = string.Join("\n", TestSpaces.Mixed().Dimensions);
        storage.CreateStudy(new StoredStudy("old", Direction.Minimize, lines), loadIfExists: false);

        var study = Study.Create(TestSpaces.Mixed(), new StudyOptions { Name = "old", Storage = storage });
        await study.OptimizeAsync(_ => 1.0, trials: 2);

        Assert.Equal(2, study.Snapshot().Trials.Count);
        Assert.Equal(lines, Stored(storage, "old")); // the stored record is left as it was
    }

    [Fact]
    public void A_study_stored_as_display_lines_with_another_space_names_the_difference()
    {
        var storage = new InMemoryStorage();
        var lines = string.Join("\n", TestSpaces.Mixed().Dimensions).Replace("int in [2, 8] step 2", "int in [2, 10] step 2", StringComparison.Ordinal);
        storage.CreateStudy(new StoredStudy("old", Direction.Minimize, lines), loadIfExists: false);

        var error = Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Mixed(), new StudyOptions { Name = "old", Storage = storage }));

        Assert.Contains("Study 'old' is stored with another search space: 'Layers: int in [2, 10] step 2' is now 'Layers: int in [2, 8] step 2'", error.Message);
    }

    [Fact]
    public void Spaces_that_read_alike_are_told_apart_with_the_values_that_differ()
    {
        var storage = new InMemoryStorage();
        Study.Create(Space("a\", \"b"), new StudyOptions { Name = "s", Storage = storage });

        var error = Assert.Throws<ArgumentException>(() => Study.Create(Space("a", "b"), new StudyOptions { Name = "s", Storage = storage }));

        Assert.Contains("""'C' reads the same but searches other values: {"name":"C","kind":"choice","choices":[{"string":"a\u0022, \u0022b"}]} is now {"name":"C","kind":"choice","choices":[{"string":"a"},{"string":"b"}]}""",
            error.Message);
    }

    [Fact]
    public void Added_removed_and_reordered_dimensions_are_named()
    {
        var storage = new InMemoryStorage();
        Study.Create(Space(Dimension.Float("A", 0, 1), Dimension.Float("B", 0, 1)), new StudyOptions { Name = "s", Storage = storage });

        var changed = Assert.Throws<ArgumentException>(() =>
            Study.Create(Space(Dimension.Float("A", 0, 1), Dimension.Float("C", 0, 1)), new StudyOptions { Name = "s", Storage = storage }));
        var reordered = Assert.Throws<ArgumentException>(() =>
            Study.Create(Space(Dimension.Float("B", 0, 1), Dimension.Float("A", 0, 1)), new StudyOptions { Name = "s", Storage = storage }));

        Assert.Contains("'C' is new; 'B' is gone", changed.Message);
        Assert.Contains("the dimensions are declared in another order", reordered.Message);
    }

    [Fact]
    public void A_stored_space_that_cannot_be_read_is_an_error_saying_so()
    {
        var storage = new InMemoryStorage();
        storage.CreateStudy(new StoredStudy("new", Direction.Minimize, """{"format":"dials.space","version":9,"dimensions":[]}"""), loadIfExists: false);

        var error = Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Mixed(), new StudyOptions { Name = "new", Storage = storage }));

        Assert.Contains("Study 'new' is stored with a search space this version of Dials cannot read: The stored search space has format version 9", error.Message);
    }

    private static string Stored(IStudyStorage storage, string name) => storage.ListStudies().Single(s => s.Name == name).SpaceSignature;

    private static SearchSpace<object> Space(params string[] choices) => Space(Dimension.Categorical("C", choices));

    private static SearchSpace<object> Space(params Dimension[] dimensions) => new(
        dimensions, () => new object(), (_, i) => dimensions[i].Default, (_, defaults) => defaults);
}
