namespace Dials.Samplers;

/// <summary>
/// Per numeric dimension, the numbers of the cached trials sorted by their coordinate (ties by trial number), kept up
/// to date one trial at a time. A Parzen estimator sizes each kernel from its neighbours in every dimension, so a TPE
/// proposal needs every observation in coordinate order; sorting them afresh for both densities of every proposal
/// was the largest cost of a proposal at a thousand trials. Not thread-safe: the coordinate cache that owns it calls
/// it under its lock.
/// </summary>
internal sealed class CoordinateOrder
{
    // Null for categorical dimensions, which are modelled by frequencies and never sorted.
    private readonly KeyOrder?[] orders;

    public CoordinateOrder(SearchSpace space)
    {
        orders = new KeyOrder?[space.Dimensions.Count];
        for (var d = 0; d < orders.Length; d++)
        {
            orders[d] = space.Dimensions[d].Kind == DimensionKind.Categorical ? null : new KeyOrder();
        }
    }

    /// <summary>Records that trial <paramref name="number"/>'s coordinates changed from <paramref name="old"/> (null
    /// when it had none) to <paramref name="coordinates"/>. NaN coordinates (inactive dimensions) are not listed.</summary>
    public void Replace(int number, double[]? old, double[] coordinates)
    {
        for (var d = 0; d < orders.Length; d++)
        {
            if (orders[d] is not { } order)
            {
                continue;
            }

            if (old is not null && !double.IsNaN(old[d]))
            {
                order.Remove(old[d], number);
            }

            if (!double.IsNaN(coordinates[d]))
            {
                order.Insert(coordinates[d], number);
            }
        }
    }

    /// <summary>The listed numbers of numeric dimension <paramref name="d"/> in coordinate order, ties by number.</summary>
    public ReadOnlySpan<int> Numbers(int d) => orders[d]!.Numbers;

    /// <summary>The coordinates of <see cref="Numbers"/> in numeric dimension <paramref name="d"/>, item by item.</summary>
    public ReadOnlySpan<double> Keys(int d) => orders[d]!.Keys;

    /// <summary>Where trial <paramref name="number"/> with coordinate <paramref name="coordinate"/> is listed in
    /// numeric dimension <paramref name="d"/> (or would be).</summary>
    public int Find(int d, double coordinate, int number) => orders[d]!.Find(coordinate, number);
}
