namespace Dials.ML.Tuning;

/// <summary>What a binary classifier's decision threshold should achieve on the validation folds.</summary>
public abstract record ThresholdGoal
{
    private ThresholdGoal()
    {
    }

    /// <summary>The threshold with the best F1 (a balance of precision and recall).</summary>
    public static ThresholdGoal MaximizeF1 { get; } = new F1Goal();

    /// <summary>The threshold with the best recall among those whose precision reaches <paramref name="precision"/>
    /// (a risk control: "at most 1 in 10 alarms may be false").</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is not in (0, 1].</exception>
    public static ThresholdGoal TargetPrecision(double precision) =>
        precision is > 0 and <= 1
            ? new PrecisionGoal(precision)
            : throw new ArgumentOutOfRangeException(nameof(precision), precision, "A target precision is in (0, 1].");

    internal sealed record F1Goal : ThresholdGoal
    {
        public override string ToString() => "maximise F1";
    }

    internal sealed record PrecisionGoal(double Precision) : ThresholdGoal
    {
        public override string ToString() => $"precision >= {Precision:0.###}, then maximise recall";
    }
}

/// <summary>A decision threshold and how the classifier performs with it on the out-of-fold predictions.</summary>
/// <param name="Threshold">Predict positive when the probability is at least this.</param>
/// <param name="Precision">Precision at the threshold.</param>
/// <param name="Recall">Recall at the threshold.</param>
/// <param name="F1">F1 at the threshold.</param>
/// <param name="Goal">What the threshold was chosen for.</param>
/// <param name="GoalReached">False when no threshold reached a target precision (the most precise one is given).</param>
public sealed record ThresholdChoice(double Threshold, double Precision, double Recall, double F1, string Goal, bool GoalReached);

/// <summary>Chooses a decision threshold from probabilities and true labels.</summary>
public static class ThresholdTuner
{
    /// <summary>Scans every distinct probability as a candidate threshold and keeps the one that best serves
    /// <paramref name="goal"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, are empty, or hold no positive label.</exception>
    public static ThresholdChoice Choose(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, ThresholdGoal goal)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(goal);
        if (probabilities.Count != labels.Count || probabilities.Count == 0)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities and {labels.Count} labels: need as many, and at least one.", nameof(labels));
        }

        var positives = labels.Count(l => l);
        if (positives == 0)
        {
            throw new ArgumentException("No label is positive, so precision and recall are undefined.", nameof(labels));
        }

        // Sorted by descending probability, lowering the threshold past each distinct value adds its rows as positives.
        var order = Enumerable.Range(0, labels.Count).OrderByDescending(i => probabilities[i]).ToArray();
        ThresholdChoice? best = null;
        ThresholdChoice? mostPrecise = null;
        var truePositives = 0;
        var predicted = 0;
        for (var k = 0; k < order.Length; k++)
        {
            truePositives += labels[order[k]] ? 1 : 0;
            predicted++;
            if (k + 1 < order.Length && probabilities[order[k + 1]] == probabilities[order[k]])
            {
                continue;
            }

            var precision = (double)truePositives / predicted;
            var recall = (double)truePositives / positives;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            var candidate = new ThresholdChoice(probabilities[order[k]], precision, recall, f1, goal.ToString()!, true);
            if (mostPrecise is null || precision > mostPrecise.Precision)
            {
                mostPrecise = candidate;
            }

            var better = goal switch
            {
                ThresholdGoal.PrecisionGoal target => precision >= target.Precision && (best is null || recall > best.Recall),
                _ => best is null || f1 > best.F1,
            };
            if (better)
            {
                best = candidate;
            }
        }

        return best ?? mostPrecise! with { GoalReached = false };
    }
}
