using Dials.Samplers;

namespace Dials.Analysis.Surrogate;

/// <summary>
/// Grows regression trees on one training set, as scikit-learn's <c>DecisionTreeRegressor</c> does for a random
/// forest: weighted rows (bootstrap counts), squared-error splits over every feature in a random order, no pruning,
/// until a node is pure, has one distinct row, or reaches the depth limit.
/// </summary>
/// <remarks>
/// Split search is sort-based: every feature's rows are sorted once for the whole forest; a tree keeps, per feature,
/// its rows in that order, and each node owns the same segment of every one of those arrays. Finding a split is one
/// scan per feature of running sums; applying it is a stable partition of each array's segment. A tree costs
/// O(features x rows x depth) with no sorting and no allocation per node.
/// </remarks>
internal sealed class RegressionTreeBuilder
{
    private readonly double[][] columns;
    private readonly double[] targets;
    private readonly int[][] presorted;
    private readonly int[][] sorted;
    private readonly double[] weight;
    private readonly bool[] goesLeft;
    private readonly int[] scratch;
    private readonly int[] featureOrder;
    private int[] feature = [];
    private double[] threshold = [], value = [];
    private int[] left = [], right = [];
    private int nodeCount, maxDepth;
    private TrialRandom random = null!;

    /// <summary>Prepares to grow trees on <paramref name="columns"/> (one array per feature) and
    /// <paramref name="targets"/>.</summary>
    public RegressionTreeBuilder(double[][] columns, double[] targets)
    {
        this.columns = columns;
        this.targets = targets;
        var rows = targets.Length;
        presorted = new int[columns.Length][];
        sorted = new int[columns.Length][];
        for (var f = 0; f < columns.Length; f++)
        {
            var keys = (double[])columns[f].Clone();
            presorted[f] = new int[rows];
            for (var r = 0; r < rows; r++)
            {
                presorted[f][r] = r;
            }

            Array.Sort(keys, presorted[f]);
            sorted[f] = new int[rows];
        }

        weight = new double[rows];
        goesLeft = new bool[rows];
        scratch = new int[rows];
        featureOrder = new int[columns.Length];
    }

    /// <summary>Grows one tree on the rows weighted by <paramref name="counts"/> (rows with count 0 are left out).</summary>
    /// <param name="counts">Per row, how many times it is in this tree's sample.</param>
    /// <param name="random">Orders the features at each node, so ties between equally good splits vary by tree.</param>
    /// <param name="depthLimit">The deepest a leaf may be (the root is depth 0).</param>
    public RegressionTree Grow(ReadOnlySpan<int> counts, TrialRandom random, int depthLimit)
    {
        this.random = random;
        maxDepth = depthLimit;
        var used = 0;
        for (var r = 0; r < counts.Length; r++)
        {
            weight[r] = counts[r];
            used += counts[r] > 0 ? 1 : 0;
        }

        for (var f = 0; f < columns.Length; f++)
        {
            var k = 0;
            foreach (var r in presorted[f])
            {
                if (counts[r] > 0)
                {
                    sorted[f][k++] = r;
                }
            }
        }

        var capacity = Math.Max(1, 2 * used - 1);
        feature = new int[capacity];
        threshold = new double[capacity];
        left = new int[capacity];
        right = new int[capacity];
        value = new double[capacity];
        nodeCount = 0;
        GrowNode(0, used, 0);
        return new RegressionTree(nodeCount, feature, threshold, left, right, value);
    }

    private int GrowNode(int start, int end, int depth)
    {
        var node = nodeCount++;
        double totalWeight = 0, totalSum = 0, lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        var rows = sorted[0];
        for (var k = start; k < end; k++)
        {
            var r = rows[k];
            totalWeight += weight[r];
            totalSum += weight[r] * targets[r];
            lowest = Math.Min(lowest, targets[r]);
            highest = Math.Max(highest, targets[r]);
        }

        value[node] = totalSum / totalWeight;
        feature[node] = -1;
        if (depth >= maxDepth || end - start < 2 || lowest == highest
            || !FindSplit(start, end, totalWeight, totalSum, out var splitFeature, out var lastLeft, out var cut))
        {
            return node;
        }

        Partition(start, end, splitFeature, lastLeft);
        feature[node] = splitFeature;
        threshold[node] = cut;
        left[node] = GrowNode(start, lastLeft + 1, depth + 1);
        right[node] = GrowNode(lastLeft + 1, end, depth + 1);
        return node;
    }

    /// <summary>The split maximising sumLeft^2/weightLeft + sumRight^2/weightRight (equivalently, minimising the
    /// children's squared error), only between rows with different feature values.</summary>
    private bool FindSplit(int start, int end, double totalWeight, double totalSum, out int bestFeature, out int bestLastLeft,
        out double bestThreshold)
    {
        ShuffleFeatures();
        var bestScore = double.NegativeInfinity;
        bestFeature = -1;
        bestLastLeft = -1;
        bestThreshold = 0;
        foreach (var f in featureOrder)
        {
            var rows = sorted[f];
            var x = columns[f];
            if (x[rows[start]] == x[rows[end - 1]])
            {
                continue; // constant here: no cut separates anything
            }

            double leftWeight = 0, leftSum = 0;
            for (var k = start; k < end - 1; k++)
            {
                var r = rows[k];
                leftWeight += weight[r];
                leftSum += weight[r] * targets[r];
                var here = x[r];
                var next = x[rows[k + 1]];
                if (here == next)
                {
                    continue;
                }

                var rightWeight = totalWeight - leftWeight;
                var rightSum = totalSum - leftSum;
                var score = leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight;
                if (score > bestScore)
                {
                    bestScore = score;
                    bestFeature = f;
                    bestLastLeft = k;
                    bestThreshold = Midpoint(here, next);
                }
            }
        }

        return bestFeature >= 0;
    }

    /// <summary>A threshold between two distinct values that keeps <paramref name="low"/> left and
    /// <paramref name="high"/> right even when their midpoint rounds onto <paramref name="high"/>.</summary>
    private static double Midpoint(double low, double high)
    {
        var middle = low + (high - low) / 2;
        return middle < high ? middle : low;
    }

    /// <summary>Reorders every feature's segment so the rows going left come first, each side still sorted.</summary>
    private void Partition(int start, int end, int splitFeature, int lastLeft)
    {
        var splitRows = sorted[splitFeature];
        for (var k = start; k < end; k++)
        {
            goesLeft[splitRows[k]] = k <= lastLeft;
        }

        for (var f = 0; f < columns.Length; f++)
        {
            if (f == splitFeature)
            {
                continue; // already in order: its left rows are exactly the first ones
            }

            var rows = sorted[f];
            int write = start, deferred = 0;
            for (var k = start; k < end; k++)
            {
                var r = rows[k];
                if (goesLeft[r])
                {
                    rows[write++] = r;
                }
                else
                {
                    scratch[deferred++] = r;
                }
            }

            Array.Copy(scratch, 0, rows, write, deferred);
        }
    }

    private void ShuffleFeatures()
    {
        for (var f = 0; f < featureOrder.Length; f++)
        {
            featureOrder[f] = f;
        }

        for (var i = featureOrder.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (featureOrder[i], featureOrder[j]) = (featureOrder[j], featureOrder[i]);
        }
    }
}
