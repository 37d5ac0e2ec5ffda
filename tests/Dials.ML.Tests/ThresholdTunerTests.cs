using Dials.ML.Tuning;

namespace Dials.ML.Tests;

public sealed class ThresholdTunerTests
{
    // Probabilities in descending order with their labels: positives mostly on top, one false alarm at 0.8.
    private static readonly double[] Probabilities = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1];
    private static readonly bool[] Labels = [true, false, true, true, false, true, false, false];

    [Fact]
    public void Maximising_F1_picks_the_threshold_with_the_best_balance()
    {
        var choice = ThresholdTuner.Choose(Probabilities, Labels, ThresholdGoal.MaximizeF1);

        // At 0.6: 3 of 4 predicted are positive (precision 0.75), 3 of 4 positives found (recall 0.75).
        // At 0.3: 4 of 6 (0.667), all 4 found: F1 0.8, the best.
        Assert.Equal(0.3, choice.Threshold);
        Assert.Equal(0.8, choice.F1, 9);
        Assert.Equal(1, choice.Recall);
    }

    [Fact]
    public void A_target_precision_keeps_the_highest_recall_that_reaches_it()
    {
        var choice = ThresholdTuner.Choose(Probabilities, Labels, ThresholdGoal.TargetPrecision(0.75));

        Assert.Equal(0.6, choice.Threshold);
        Assert.Equal((0.75, 0.75), (choice.Precision, choice.Recall));
        Assert.True(choice.GoalReached);
    }

    [Fact]
    public void An_unreachable_precision_is_reported_as_not_reached()
    {
        var choice = ThresholdTuner.Choose([0.9, 0.8], [false, true], ThresholdGoal.TargetPrecision(0.99));

        Assert.False(choice.GoalReached);
        Assert.Equal(0.5, choice.Precision);
    }

    [Fact]
    public void Labels_without_a_positive_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Choose([0.5], [false], ThresholdGoal.MaximizeF1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdGoal.TargetPrecision(0));
    }
}
