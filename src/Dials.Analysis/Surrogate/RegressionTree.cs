namespace Dials.Analysis.Surrogate;

/// <summary>
/// A fitted binary regression tree, stored as parallel arrays (node 0 is the root). A split node sends a point left
/// when its feature is at most the threshold; a leaf predicts the mean target of the training rows that reached it.
/// </summary>
internal sealed class RegressionTree
{
    /// <summary>Creates a tree from its node arrays, trimmed to <paramref name="nodeCount"/>.</summary>
    public RegressionTree(int nodeCount, int[] feature, double[] threshold, int[] left, int[] right, double[] value)
    {
        Feature = feature[..nodeCount];
        Threshold = threshold[..nodeCount];
        Left = left[..nodeCount];
        Right = right[..nodeCount];
        Value = value[..nodeCount];
    }

    /// <summary>Per node, the feature it splits on, or -1 for a leaf.</summary>
    public int[] Feature { get; }

    /// <summary>Per split node, the largest feature value sent left.</summary>
    public double[] Threshold { get; }

    /// <summary>Per split node, its left child.</summary>
    public int[] Left { get; }

    /// <summary>Per split node, its right child.</summary>
    public int[] Right { get; }

    /// <summary>Per node, the mean target of the rows that reached it (the prediction at a leaf).</summary>
    public double[] Value { get; }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => Feature.Length;

    /// <summary>Whether <paramref name="node"/> is a leaf.</summary>
    public bool IsLeaf(int node) => Feature[node] < 0;

    /// <summary>The prediction for one row of features.</summary>
    public double Predict(ReadOnlySpan<double> features)
    {
        var node = 0;
        while (Feature[node] >= 0)
        {
            node = features[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        }

        return Value[node];
    }
}
