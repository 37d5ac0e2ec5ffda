using Dials.Samplers;

namespace Dials.Analysis.Surrogate;

/// <summary>
/// A random-forest regression surrogate of a study's trials, shaped like the one Optuna's fANOVA evaluator fits
/// (scikit-learn's <c>RandomForestRegressor</c>: 64 trees, bootstrap samples, every feature considered at every
/// split, depth up to 64, leaves of one row). Its randomness comes from one seed, so a fit repeats exactly.
/// </summary>
internal sealed class RandomForest
{
    /// <summary>The deepest a leaf may be, as in Optuna's evaluator.</summary>
    public const int MaxDepth = 64;

    private const long BootstrapStream = 1;

    private readonly RegressionTree[] trees;

    private RandomForest(RegressionTree[] trees, double offset)
    {
        this.trees = trees;
        Offset = offset;
    }

    /// <summary>The trees; each predicts the target minus <see cref="Offset"/>.</summary>
    public IReadOnlyList<RegressionTree> Trees => trees;

    /// <summary>The targets' mean, taken out before fitting so the split search's running sums stay small.</summary>
    public double Offset { get; }

    /// <summary>Fits <paramref name="treeCount"/> trees to <paramref name="targets"/>.</summary>
    /// <param name="columns">The features, one array per feature, one entry per row.</param>
    /// <param name="targets">One target per row.</param>
    /// <param name="treeCount">How many trees.</param>
    /// <param name="seed">Seeds every tree's bootstrap sample and feature order.</param>
    public static RandomForest Fit(double[][] columns, double[] targets, int treeCount, long seed)
    {
        var rows = targets.Length;
        var offset = 0.0;
        foreach (var y in targets)
        {
            offset += y / rows;
        }

        var centred = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            centred[r] = targets[r] - offset;
        }

        var builder = new RegressionTreeBuilder(columns, centred);
        var counts = new int[rows];
        var trees = new RegressionTree[treeCount];
        for (var t = 0; t < treeCount; t++)
        {
            // One stream per tree: tree t is the same whatever the number of trees.
            var random = new TrialRandom(seed, t, BootstrapStream);
            Array.Clear(counts);
            for (var i = 0; i < rows; i++)
            {
                counts[random.NextInt(rows)]++;
            }

            trees[t] = builder.Grow(counts, random, MaxDepth);
        }

        return new RandomForest(trees, offset);
    }

    /// <summary>The forest's prediction for one row of features: the mean of its trees'.</summary>
    public double Predict(ReadOnlySpan<double> features)
    {
        var sum = 0.0;
        foreach (var tree in trees)
        {
            sum += tree.Predict(features);
        }

        return Offset + sum / trees.Length;
    }
}
