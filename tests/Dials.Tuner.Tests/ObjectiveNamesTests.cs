using Dials.MultiObjective;
using Dials.Samplers;
using Dials.Storage;
using Dials.Testing;

namespace Dials.Tuner.Tests;

/// <summary>Objective names (<see cref="StudyOptions.ObjectiveNames"/>): checked before anything is stored, kept with
/// the study, shown on its results and snapshots, and compared when a stored study is joined.</summary>
public sealed class ObjectiveNamesTests : IDisposable
{
    private static readonly Direction[] MinMax = [Direction.Minimize, Direction.Maximize];

    private readonly string path = Path.Combine(Path.GetTempPath(), $"dials-names-{Guid.NewGuid():N}.jsonl");

    private static Study<Toy> Create(IStudyStorage storage, IReadOnlyList<string>? names, Direction[]? directions = null) =>
        Study.Create(TestSpaces.Toy(), new StudyOptions
        {
            Name = "shared", Storage = storage, Directions = directions ?? MinMax, ObjectiveNames = names, Sampler = new RandomSampler(1),
        });

    [Theory]
    [InlineData(new[] { "rmse" }, "holds 1 name ('rmse') but the study has 2 objectives (Minimize, Maximize)")]
    [InlineData(new[] { "rmse", "latency", "size" }, "holds 3 names ('rmse', 'latency', 'size') but the study has 2 objectives")]
    [InlineData(new[] { "rmse", "" }, "ObjectiveNames[1] is ''")]
    [InlineData(new[] { " ", "latency" }, "ObjectiveNames[0] is ' '")]
    [InlineData(new[] { "rmse", null }, "ObjectiveNames[1] is null")]
    [InlineData(new[] { "rmse", "rmse" }, "names 'rmse' twice ('rmse', 'rmse')")]
    public void Names_that_do_not_fit_the_directions_are_refused_before_anything_is_stored(string?[] names, string message)
    {
        var storage = new InMemoryStorage();
        var error = Assert.Throws<ArgumentException>(() => Create(storage, names!));

        Assert.Contains("StudyOptions.ObjectiveNames", error.Message);
        Assert.Contains(message, error.Message);
        Assert.Empty(storage.ListStudies());
    }

    [Fact]
    public async Task Names_are_kept_with_the_study_and_shown_on_its_result_and_snapshots()
    {
        using (var storage = new JournalStorage(path))
        {
            var study = Create(storage, ["rmse", "accuracy"]);
            var result = await study.OptimizeAsync(toy => new[] { toy.X, toy.N }, trials: 3);
            Assert.Equal(["rmse", "accuracy"], study.ObjectiveNames);
            Assert.Equal(["rmse", "accuracy"], result.ObjectiveNames);
            Assert.Equal(["rmse", "accuracy"], study.Snapshot().ObjectiveNames);
        }

        // Another process reads the journal back, with no code of the study.
        using var reopened = new JournalStorage(path);
        Assert.Equal(["rmse", "accuracy"], StudySnapshot.Load(reopened, "shared").ObjectiveNames);
        Assert.Contains("\"names\":[\"rmse\",\"accuracy\"]", File.ReadLines(path).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_without_names_stays_unnamed_and_its_journal_line_as_before()
    {
        using var storage = new JournalStorage(path);
        var study = Create(storage, null);

        Assert.Null(study.ObjectiveNames);
        Assert.Null(study.GetResult().ObjectiveNames);
        Assert.Null(StudySnapshot.Load(storage, "shared").ObjectiveNames);
        Assert.DoesNotContain("names", File.ReadLines(path).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_study_is_joined_with_its_own_names_or_none_and_refused_with_others_naming_both()
    {
        using (var first = new JournalStorage(path))
        {
            Create(first, ["rmse", "accuracy"]);
        }

        using var storage = new JournalStorage(path);
        Assert.Equal(["rmse", "accuracy"], Create(storage, ["rmse", "accuracy"]).ObjectiveNames);
        Assert.Equal(["rmse", "accuracy"], Create(storage, null).ObjectiveNames);

        var error = Assert.Throws<ArgumentException>(() => Create(storage, ["accuracy", "rmse"]));
        Assert.Contains("stored with objective names ['rmse', 'accuracy']", error.Message);
        Assert.Contains("the code gives ['accuracy', 'rmse']", error.Message);

        // The directions are checked first: a study with other objectives is refused for them, whatever the names.
        Assert.Contains("stored with directions", Assert.Throws<ArgumentException>(
            () => Create(storage, ["rmse", "accuracy", "size"], [.. MinMax, Direction.Minimize])).Message);
    }

    [Fact]
    public void A_study_stored_without_names_is_joined_with_names_which_label_that_study_object_only()
    {
        using (var first = new JournalStorage(path))
        {
            Create(first, null);
        }

        using var storage = new JournalStorage(path);
        var study = Create(storage, ["rmse", "accuracy"]);

        Assert.Equal(["rmse", "accuracy"], study.ObjectiveNames);
        Assert.Null(Assert.Single(storage.ListStudies()).ObjectiveNames);
    }

    [Fact]
    public async Task A_selection_refuses_a_study_whose_stored_names_are_not_its_own()
    {
        var study = Create(new InMemoryStorage(), ["latency", "accuracy"]);
        var result = await study.OptimizeAsync(toy => new[] { toy.X, toy.N }, trials: 5);
        NamedObjective[] swapped = [new("accuracy", Direction.Minimize), new("latency", Direction.Maximize)];

        var error = Assert.Throws<ArgumentException>(() => ParetoSelection.Best(swapped, "accuracy").Pick(result));
        Assert.Contains("names its objectives (latency, accuracy) but the selection names (accuracy, latency)", error.Message);
        NamedObjective[] same = [new("latency", Direction.Minimize), new("accuracy", Direction.Maximize)];
        Assert.NotNull(ParetoSelection.Best(same, "latency").Pick(result));
    }

    [Fact]
    public void A_bad_value_is_reported_for_the_objective_by_its_number_and_name()
    {
        var study = Create(new InMemoryStorage(), ["error", "score"]);

        study.Tell(study.Ask(), [0.5, double.NaN]);

        Assert.Equal("the objective returned NaN for objective 2 (score)", study.GetResult().Trials[0].FailReason);
    }

    public void Dispose() => File.Delete(path);
}
