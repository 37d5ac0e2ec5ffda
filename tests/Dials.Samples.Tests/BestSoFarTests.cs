using TuneMlNet;

namespace Dials.Samples.Tests;

/// <summary>The comparison's curve: pruned trials spend budget without a value, and "trials to" counts from 1.</summary>
public sealed class BestSoFarTests
{
    private static TrialResult Trial(int number, TrialState state, double? value = null) =>
        new(number, state, value, new Dictionary<string, object>(), [], DateTimeOffset.UnixEpoch, TimeSpan.Zero, null);

    private static readonly TrialResult[] Trials =
    [
        Trial(0, TrialState.Complete, 58.7),
        Trial(1, TrialState.Pruned),
        Trial(2, TrialState.Complete, 60.0),
        Trial(3, TrialState.Failed),
        Trial(4, TrialState.Complete, 54.2),
    ];

    [Fact]
    public void The_best_after_n_trials_ignores_pruned_and_failed_ones()
    {
        var curve = new BestSoFar(Trials, Direction.Minimize);

        Assert.Equal(5, curve.Count);
        Assert.Equal(58.7, curve.After(1));
        Assert.Equal(58.7, curve.After(4));
        Assert.Equal(54.2, curve.After(5));
        Assert.Equal(54.2, curve.After(200));
    }

    [Fact]
    public void Trials_to_a_target_count_every_trial_spent_and_say_never_with_null()
    {
        var curve = new BestSoFar(Trials, Direction.Minimize);

        Assert.Equal(1, curve.TrialsToReach(58.7));
        Assert.Equal(5, curve.TrialsToReach(BestSoFar.Within(54.2, 0.01, Direction.Minimize)));
        Assert.Null(curve.TrialsToReach(54.0));
    }

    [Fact]
    public void A_maximised_metric_is_read_the_other_way_round()
    {
        var curve = new BestSoFar(Trials, Direction.Maximize);

        Assert.Equal(60.0, curve.After(3));
        Assert.Equal(3, curve.TrialsToReach(BestSoFar.Within(60.0, 0.01, Direction.Maximize)));
        Assert.Equal(59.4, BestSoFar.Within(60.0, 0.01, Direction.Maximize), 10);
        Assert.Equal(54.742, BestSoFar.Within(54.2, 0.01, Direction.Minimize), 10);
    }
}
