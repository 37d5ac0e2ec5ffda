using Dials.Analysis.Surrogate;

namespace Dials.Analysis;

/// <summary>
/// The fast importance estimate: per dimension, the share of the values' variance that lies between groups of
/// trials binned by that dimension alone (the correlation ratio), corrected for the share any binning explains by
/// chance.
/// </summary>
/// <remarks>
/// Groups: one per choice of a categorical, one per value of a dimension with few distinct values, otherwise
/// quantile bins (about the square root of the active trials, between 2 and 10, ties never split), and always one
/// for the trials where the dimension was inactive. With k groups and n trials, k - 1 degrees of freedom explain
/// about (k - 1) / (n - 1) of the variance even for a dimension that does nothing; on the small studies this method is
/// for, that would hand every noise dimension a visible share, so the between-group sum of squares is reduced by
/// (k - 1) times the within-group mean square (the epsilon-squared estimate) and clamped at 0.
/// </remarks>
internal static class CorrelationRatioImportance
{
    private const int MaxBins = 10;

    /// <summary>Per dimension, its corrected correlation ratio (not yet normalised); the uncorrected ratios when the
    /// correction leaves nothing at all, so a small study whose effects hide in the noise still gets a ranking.</summary>
    public static double[] Estimate(TrainingSet set)
    {
        var corrected = new double[set.Columns.Length];
        var raw = new double[set.Columns.Length];
        for (var d = 0; d < corrected.Length; d++)
        {
            var (groups, groupCount) = Group(set.Columns[d], set.Study.Space.Dimensions[d]);
            (raw[d], corrected[d]) = CorrelationRatio(groups, groupCount, set.Targets);
        }

        return corrected.Sum() > 0 ? corrected : raw;
    }

    private static (double Raw, double Corrected) CorrelationRatio(int[] groups, int groupCount, double[] targets)
    {
        var n = targets.Length;
        var mean = targets.Average();
        var groupSum = new double[groupCount];
        var groupSize = new int[groupCount];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            groupSum[groups[i]] += targets[i];
            groupSize[groups[i]]++;
            total += (targets[i] - mean) * (targets[i] - mean);
        }

        var between = 0.0;
        var occupied = 0;
        for (var g = 0; g < groupCount; g++)
        {
            if (groupSize[g] > 0)
            {
                var deviation = groupSum[g] / groupSize[g] - mean;
                between += groupSize[g] * deviation * deviation;
                occupied++;
            }
        }

        if (total <= 0)
        {
            return (0, 0);
        }

        var raw = Math.Clamp(between / total, 0, 1);
        if (n <= occupied)
        {
            return (raw, raw); // every trial its own group: nothing left to estimate chance from
        }

        var withinMeanSquare = (total - between) / (n - occupied);
        return (raw, Math.Max(0, (between - (occupied - 1) * withinMeanSquare) / total));
    }

    /// <summary>Assigns each trial (one feature value each) to a group; returns the groups and their count.</summary>
    private static (int[] Groups, int Count) Group(double[] column, Dimension dimension)
    {
        var active = column.Where(v => v != FeatureEncoding.InactiveCode).ToArray();
        var distinct = active.Distinct().Order().ToArray();
        var bins = Math.Clamp((int)Math.Sqrt(active.Length), 2, MaxBins);
        var groups = new int[column.Length];
        if (dimension.Kind == DimensionKind.Categorical || distinct.Length <= bins)
        {
            // One group per value; the inactive trials take the group after the last value.
            for (var i = 0; i < column.Length; i++)
            {
                groups[i] = column[i] == FeatureEncoding.InactiveCode ? distinct.Length : Array.BinarySearch(distinct, column[i]);
            }

            return (groups, distinct.Length + 1);
        }

        // Quantile bins: a value's bin comes from the rank of its first occurrence, so equal values share a bin.
        Array.Sort(active);
        for (var i = 0; i < column.Length; i++)
        {
            if (column[i] == FeatureEncoding.InactiveCode)
            {
                groups[i] = bins;
                continue;
            }

            var rank = Array.BinarySearch(active, column[i]);
            while (rank > 0 && active[rank - 1] == column[i])
            {
                rank--;
            }

            groups[i] = rank * bins / active.Length;
        }

        return (groups, bins + 1);
    }
}
