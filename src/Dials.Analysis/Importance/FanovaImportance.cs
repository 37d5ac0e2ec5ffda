using Dials.Analysis.Surrogate;

namespace Dials.Analysis;

/// <summary>fANOVA importances: per tree of a random-forest surrogate, each dimension's main-effect variance as a
/// share of the tree's variance; the mean over trees is the estimate and the standard deviation its spread.</summary>
internal static class FanovaImportance
{
    /// <summary>Per dimension, the mean share over trees and its spread (not yet normalised: together the shares are
    /// the part of the variance main effects explain, the rest coming from interactions).</summary>
    public static (double[] Shares, double[] Spreads) Estimate(TrainingSet set, int trees, long seed)
    {
        var forest = set.FitForest(trees, seed);
        var dimensions = set.Columns.Length;
        var sum = new double[dimensions];
        var sumOfSquares = new double[dimensions];
        var used = 0;
        foreach (var tree in forest.Trees)
        {
            var (total, mainEffects) = FunctionalAnova.Decompose(tree, set.Encoding.Measures);
            if (total <= 0)
            {
                continue; // a tree of one leaf (its bootstrap drew one value only) explains nothing either way
            }

            used++;
            for (var d = 0; d < dimensions; d++)
            {
                var share = mainEffects[d] / total;
                sum[d] += share;
                sumOfSquares[d] += share * share;
            }
        }

        var spreads = new double[dimensions];
        for (var d = 0; d < dimensions && used > 0; d++)
        {
            sum[d] /= used;
            spreads[d] = Math.Sqrt(Math.Max(0, sumOfSquares[d] / used - sum[d] * sum[d]));
        }

        return (sum, spreads);
    }
}
