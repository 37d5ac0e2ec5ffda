namespace Dials.Samplers;

/// <summary>
/// Every point of a grid over a search space, in walk order. A dimension inactive under its parents' values does not
/// multiply the grid: it is NaN in every point where its condition fails, so each distinct configuration appears once.
/// </summary>
internal sealed class GridPoints
{
    private readonly Dictionary<IReadOnlyList<double>, int> indexOf;

    public GridPoints(SearchSpace space, Func<Dimension, double[]> levels, int maxPoints)
    {
        var perDimension = space.Dimensions.Select(levels).ToArray();
        var points = new List<double[]>();
        var partial = new double[space.Dimensions.Count];
        Fill(0);
        Points = points;
        indexOf = new Dictionary<IReadOnlyList<double>, int>(points.Count, PointComparer.Instance);
        for (var i = 0; i < points.Count; i++)
        {
            indexOf[points[i]] = i;
        }

        void Fill(int depth)
        {
            if (depth == space.Order.Count)
            {
                if (points.Count == maxPoints)
                {
                    var largest = space.Dimensions.Zip(perDimension).MaxBy(d => d.Second.Length);
                    throw new ArgumentException(
                        $"The grid over this search space has more than {maxPoints} points; '{largest.First.Name}' alone has " +
                        $"{largest.Second.Length} values. Give GridSampler fewer values for it, or fewer float points.");
                }

                points.Add((double[])partial.Clone());
                return;
            }

            // Parents come first in Order, so whether this dimension is active is already decided.
            var i = space.Order[depth];
            if (!space.IsActive(partial, i))
            {
                partial[i] = double.NaN;
                Fill(depth + 1);
                return;
            }

            foreach (var value in perDimension[i])
            {
                partial[i] = value;
                Fill(depth + 1);
            }
        }
    }

    /// <summary>The points in walk order.</summary>
    public List<double[]> Points { get; }

    /// <summary>The index of <paramref name="point"/> in <see cref="Points"/>, or -1 when it is off the grid.</summary>
    public int IndexOf(IReadOnlyList<double> point) => indexOf.TryGetValue(point, out var index) ? index : -1;

    /// <summary>Shuffles the walk order (Fisher-Yates).</summary>
    public void Shuffle(TrialRandom random)
    {
        for (var i = Points.Count - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (Points[i], Points[j]) = (Points[j], Points[i]);
        }

        for (var i = 0; i < Points.Count; i++)
        {
            indexOf[Points[i]] = i;
        }
    }
}
