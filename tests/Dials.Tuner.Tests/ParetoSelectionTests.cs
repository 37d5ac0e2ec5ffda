using Dials.MultiObjective;
using Dials.Samplers;

namespace Dials.Tuner.Tests;

/// <summary>ParetoSelection: picking one front trial by name, with bounds or a weighted sum, and saying why.</summary>
public sealed class ParetoSelectionTests
{
    private static readonly NamedObjective[] RmseLatency = [new("rmse", Direction.Minimize), new("latency", Direction.Minimize)];

    /// <summary>A study of <paramref name="directions"/> holding one complete trial per point, in order.</summary>
    private static StudyResult<Toy> Result(Direction[] directions, params double[][] points)
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Directions = directions, Sampler = new RandomSampler(1) });
        foreach (var point in points)
        {
            study.Tell(study.Ask(), point);
        }

        return study.GetResult();
    }

    // Trial 3 is dominated by trial 1; the front is trials 0, 1 and 2.
    private static StudyResult<Toy> ErrorAgainstLatency() =>
        Result([Direction.Minimize, Direction.Minimize], [0.10, 9.0], [0.12, 4.0], [0.20, 2.5], [0.15, 5.0]);

    [Fact]
    public void Best_within_a_bound_picks_the_lowest_error_among_the_front_trials_it_admits()
    {
        var rule = ParetoSelection.Best(RmseLatency, "rmse").Where("latency", atMost: 5);

        var choice = rule.Pick(ErrorAgainstLatency());

        Assert.Equal(1, choice.Trial.Number);
        Assert.Equal("the lowest rmse with latency at most 5", rule.Describe());
        Assert.Equal("trial 1 has the lowest rmse (0.12) of the 2 Pareto-front trials with latency at most 5 (3 on the front)", choice.Reason);
    }

    [Fact]
    public void Without_bounds_the_best_in_one_objective_is_the_front_extreme()
    {
        var result = ErrorAgainstLatency();

        Assert.Equal(0, ParetoSelection.Best(RmseLatency, "rmse").Pick(result).Trial.Number);
        var fastest = ParetoSelection.Best(RmseLatency, "LATENCY").Pick(result);
        Assert.Equal(2, fastest.Trial.Number);
        Assert.Equal("trial 2 has the lowest latency (2.5) of the 3 trials on the Pareto front", fastest.Reason);
    }

    [Fact]
    public void Bounds_add_up_and_a_range_bound_reads_as_one()
    {
        var rule = ParetoSelection.Best(RmseLatency, "latency").Where("latency", atLeast: 3, atMost: 9).Where("rmse", atMost: 0.15);

        Assert.Equal(1, rule.Pick(ErrorAgainstLatency()).Trial.Number);
        Assert.Equal("the lowest latency with latency from 3 to 9 and rmse at most 0.15", rule.Describe());
    }

    [Fact]
    public void A_weighted_sum_counts_a_maximised_objective_negative()
    {
        NamedObjective[] objectives = [new("auc", Direction.Maximize), new("latency", Direction.Minimize)];
        var result = Result([Direction.Maximize, Direction.Minimize], [0.90, 9.0], [0.88, 4.0], [0.80, 1.0]);
        var rule = ParetoSelection.WeightedSum(objectives, new Dictionary<string, double> { ["auc"] = 1, ["latency"] = 0.01 });

        // Losses: -0.90 + 0.09 = -0.81, -0.88 + 0.04 = -0.84, -0.80 + 0.01 = -0.79.
        var choice = rule.Pick(result);

        Assert.Equal(1, choice.Trial.Number);
        Assert.Equal("the lowest weighted sum - 1 x auc + 0.01 x latency", rule.Describe());
        Assert.Equal("trial 1 has the lowest weighted sum - 1 x auc + 0.01 x latency (-0.84) of the 3 trials on the Pareto front", choice.Reason);
        Assert.Equal(0, ParetoSelection.Best(objectives, "auc").Pick(result).Trial.Number);
        Assert.Equal("the highest auc", ParetoSelection.Best(objectives, "auc").Describe());
    }

    [Fact]
    public void Ties_go_to_the_lowest_numbered_trial()
    {
        var result = Result([Direction.Minimize, Direction.Minimize], [0.2, 3.0], [0.1, 5.0], [0.1, 5.0]);

        Assert.Equal(1, ParetoSelection.Best(RmseLatency, "rmse").Pick(result).Trial.Number);
    }

    [Fact]
    public void A_bound_no_front_trial_meets_says_what_the_front_offers()
    {
        var rule = ParetoSelection.Best(RmseLatency, "rmse").Where("latency", atMost: 2);

        var error = Assert.Throws<InvalidOperationException>(() => rule.Pick(ErrorAgainstLatency()));

        Assert.Contains("None of the 3 trials on the Pareto front of study '", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("has latency at most 2 (on the front: latency from 2.5 to 9).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_front_or_other_directions_are_refused()
    {
        var empty = Result([Direction.Minimize, Direction.Minimize]);
        Assert.Contains("has no feasible complete trial", Assert.Throws<InvalidOperationException>(() => ParetoSelection.Best(RmseLatency, "rmse").Pick(empty)).Message, StringComparison.Ordinal);

        var other = Result([Direction.Minimize, Direction.Maximize], [0.1, 2.0]);
        Assert.Contains("has directions (Minimize, Maximize) but the selection names 2 objectives (rmse Minimize, latency Minimize)",
            Assert.Throws<ArgumentException>(() => ParetoSelection.Best(RmseLatency, "rmse").Pick(other)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("size", "size is not an objective of the study; the objectives are rmse, latency.")]
    public void An_unknown_name_lists_the_objectives(string name, string message)
    {
        Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => ParetoSelection.Best(RmseLatency, name)).Message, StringComparison.Ordinal);
        Assert.StartsWith(message, Assert.Throws<ArgumentException>(() => ParetoSelection.Best(RmseLatency, "rmse").Where(name, atMost: 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rules_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ParetoSelection.Best([new("a", Direction.Minimize), new("A", Direction.Minimize)], "a"));
        Assert.Throws<ArgumentException>(() => ParetoSelection.WeightedSum(RmseLatency, new Dictionary<string, double> { ["rmse"] = 0 }));
        Assert.Throws<ArgumentException>(() => ParetoSelection.WeightedSum(RmseLatency, new Dictionary<string, double> { ["rmse"] = -1 }));
        Assert.Throws<ArgumentException>(() => ParetoSelection.Best(RmseLatency, "rmse").Where("latency"));
        Assert.Throws<ArgumentException>(() => ParetoSelection.Best(RmseLatency, "rmse").Where("latency", atMost: 1, atLeast: 2));
        Assert.Throws<ArgumentException>(() => ParetoSelection.Best(RmseLatency, "rmse").Where("latency", atMost: double.NaN));
    }
}
