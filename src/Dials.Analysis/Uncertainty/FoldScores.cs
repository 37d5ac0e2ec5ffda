namespace Dials.Analysis;

/// <summary>
/// Fold scores and their spread. A cross-validated trial reports the running mean after each fold (step i carries the
/// mean of the first i folds, so a pruner can stop it early); its fold scores can be read back from any storage.
/// </summary>
public static class FoldScores
{
    /// <summary>The fold scores behind the last <paramref name="folds"/> running means a trial reported: after fold i
    /// the mean is m_i = (f_1 + ... + f_i) / i, so f_i = i m_i - (i - 1) m_(i-1). Only the last run of folds is read,
    /// so reports of earlier rungs (smaller training fractions) are left out.</summary>
    /// <param name="reports">The trial's intermediate values, in step order.</param>
    /// <param name="folds">How many folds the last run reported.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> is negative or more than there are reports.</exception>
    public static double[] FromRunningMeans(IReadOnlyList<IntermediateValue> reports, int folds)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentOutOfRangeException.ThrowIfNegative(folds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, reports.Count);
        var scores = new double[folds];
        var first = reports.Count - folds;
        var previousMean = 0.0;
        for (var i = 1; i <= folds; i++)
        {
            var mean = reports[first + i - 1].Value;
            scores[i - 1] = i * mean - (i - 1) * previousMean;
            previousMean = mean;
        }

        return scores;
    }

    /// <summary>The sample standard deviation (n - 1 in the denominator); 0 for fewer than two values.</summary>
    /// <param name="values">The scores.</param>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
