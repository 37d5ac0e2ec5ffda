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
    public void An_infeasible_trial_is_never_the_best_and_a_study_of_infeasible_trials_has_none()
    {
        var broken = new[] { new ConstraintValue("latency", 0.5) };
        var snapshot = new StudySnapshot("s", Direction.Minimize, Space,
            [Trial(0, TrialState.Complete, 2), Trial(1, TrialState.Complete, 1) with { Constraints = broken },
             Trial(2, TrialState.Complete, 3) with { Constraints = [new ConstraintValue("latency", 0)] }]);

        Assert.Equal(0, snapshot.Best!.Number);
        Assert.Null((snapshot with { Trials = [Trial(0, TrialState.Complete, 2) with { Constraints = broken }] }).Best);
        var none = Assert.Throws<InvalidOperationException>(() => Sensitivity.FromSurrogate(snapshot with
        {
            Trials = [.. Enumerable.Range(0, 6).Select(n => Trial(n, TrialState.Complete, n) with { Constraints = broken })],
        }));
        Assert.Contains("no feasible complete trial", none.Message, StringComparison.Ordinal);
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
