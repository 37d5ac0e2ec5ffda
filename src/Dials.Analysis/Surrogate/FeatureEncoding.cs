namespace Dials.Analysis.Surrogate;

/// <summary>
/// How points become the surrogate's features: each dimension's position in [0, 1] (<see cref="Dimension.ToUnit"/>,
/// so log scales are even and a categorical is its choice's ordinal slot), and an inactive dimension the value
/// <see cref="InactiveCode"/>, below the active range.
/// </summary>
/// <remarks>
/// Inactive is a value of its own rather than a reason to drop the trial (as Optuna does): a conditional dimension
/// then keeps every trial, the trees can split "inactive" from "active" like any other cut, and the marginal in
/// <see cref="FeatureMeasure"/> can weigh the inactive state by how often the study was in it. Categoricals stay
/// ordinal: a tree separates any one choice with at most two cuts, which is enough for importance and sensitivity.
/// </remarks>
internal sealed class FeatureEncoding
{
    /// <summary>The feature value of an inactive dimension: outside [0, 1], so one cut isolates it.</summary>
    public const double InactiveCode = -1;

    private readonly SearchSpace space;

    private FeatureEncoding(SearchSpace space, FeatureMeasure[] measures)
    {
        this.space = space;
        Measures = measures;
    }

    /// <summary>Per dimension, the measure the marginals integrate over.</summary>
    public IReadOnlyList<FeatureMeasure> Measures { get; }

    /// <summary>The encoding for <paramref name="space"/>, each dimension's inactive state weighed by its share of
    /// <paramref name="points"/>.</summary>
    public static FeatureEncoding For(SearchSpace space, IReadOnlyList<IReadOnlyList<double>> points)
    {
        var measures = new FeatureMeasure[space.Dimensions.Count];
        for (var d = 0; d < measures.Length; d++)
        {
            var inactive = 0;
            foreach (var point in points)
            {
                inactive += double.IsNaN(point[d]) ? 1 : 0;
            }

            measures[d] = new FeatureMeasure(points.Count == 0 ? 0 : (double)inactive / points.Count);
        }

        return new FeatureEncoding(space, measures);
    }

    /// <summary>The features of one point.</summary>
    public void Encode(IReadOnlyList<double> point, Span<double> features)
    {
        for (var d = 0; d < features.Length; d++)
        {
            features[d] = double.IsNaN(point[d]) ? InactiveCode : space.Dimensions[d].ToUnit(point[d]);
        }
    }

    /// <summary>The features of many points, one column per dimension (the layout the tree builder scans).</summary>
    public double[][] EncodeColumns(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var columns = new double[space.Dimensions.Count][];
        Span<double> row = columns.Length <= 256 ? stackalloc double[columns.Length] : new double[columns.Length];
        for (var d = 0; d < columns.Length; d++)
        {
            columns[d] = new double[points.Count];
        }

        for (var n = 0; n < points.Count; n++)
        {
            Encode(points[n], row);
            for (var d = 0; d < columns.Length; d++)
            {
                columns[d][n] = row[d];
            }
        }

        return columns;
    }
}
