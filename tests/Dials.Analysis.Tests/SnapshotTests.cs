using Dials.Storage;

namespace Dials.Analysis.Tests;

public sealed class SnapshotTests
{
    private static readonly SearchSpace Space = SearchSpace.FromSignature("x: float in [0, 1]");

    private static TrialRecord Trial(int number, TrialState state, double? value) =>
        new(number, state, state == TrialState.Running ? [] : [0.5], value, [], DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void Complete_holds_finished_trials_with_finite_values_and_follows_a_copy_with_other_trials()
    {
        var snapshot = new StudySnapshot("s", Direction.Minimize, Space,
            [Trial(0, TrialState.Complete, 2), Trial(1, TrialState.Pruned, null), Trial(2, TrialState.Complete, double.NaN), Trial(3, TrialState.Running, null)]);
        Assert.Equal([0], snapshot.Complete.Select(t => t.Number));

        var copy = snapshot with { Trials = [Trial(0, TrialState.Complete, 2), Trial(1, TrialState.Complete, 1)] };

        Assert.Equal([0, 1], copy.Complete.Select(t => t.Number));
        Assert.Equal(1, copy.Best!.Number);
        Assert.Equal(0, snapshot.Best!.Number);
    }

    [Fact]
    public void Loading_a_missing_study_lists_the_studies_there_are()
    {
        var storage = new InMemoryStorage();
        storage.CreateStudy(new Storage.StoredStudy("alpha", Direction.Maximize, Space.Signature), false);

        var error = Assert.Throws<InvalidOperationException>(() => StudySnapshot.Load(storage, "beta"));

        Assert.Equal("There is no study 'beta'. The storage holds: 'alpha'.", error.Message);
        Assert.Equal(Direction.Maximize, StudySnapshot.Load(storage, "alpha").Direction);
    }
}
