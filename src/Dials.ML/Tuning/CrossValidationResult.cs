using Dials.Analysis;

namespace Dials.ML.Tuning;

/// <summary>One configuration's cross-validated score.</summary>
/// <param name="FoldScores">The metric on each validation fold, in fold order (fewer than k when pruned).</param>
/// <param name="Threshold">The decision threshold chosen on the out-of-fold predictions of a binary classifier, when
/// threshold tuning was asked for; a choice about how to use the model, kept apart from its hyperparameters.</param>
public sealed record CrossValidationResult(IReadOnlyList<double> FoldScores, ThresholdChoice? Threshold = null)
{
    /// <summary>The mean over folds: the trial's objective value.</summary>
    public double Mean => FoldScores.Count == 0 ? double.NaN : FoldScores.Average();

    /// <summary>The sample standard deviation over folds (0 for a single fold): how much the score depends on which
    /// rows were held out, so two trials closer than this are not clearly different.</summary>
    public double StandardDeviation => FoldStatistics.StandardDeviation(FoldScores);
}

/// <summary>Small statistics over fold scores (the arithmetic lives in <see cref="FoldScores"/>, shared with the
/// study analyses).</summary>
public static class FoldStatistics
{
    /// <summary>The sample standard deviation (n - 1 in the denominator); 0 for fewer than two values.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values) => FoldScores.StandardDeviation(values);

    /// <summary>
    /// Recovers fold scores from the running means a cross-validated trial reports (step i carries the mean of the
    /// first i folds), so a trial's folds can be read back from any storage, also for trials of an earlier run.
    /// </summary>
    /// <param name="reports">The trial's reports, in step order.</param>
    /// <param name="folds">The folds of the last training fraction when the objective used several (each fraction
    /// restarts the running mean); null reads every report as one run of folds.</param>
    public static IReadOnlyList<double> FromRunningMeans(IReadOnlyList<IntermediateValue> reports, int? folds = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return FoldScores.FromRunningMeans(reports, Math.Min(folds ?? reports.Count, reports.Count));
    }
}
