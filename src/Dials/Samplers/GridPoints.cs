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

        // Counted before anything is built: at 500 dimensions a million points of 500 values would take gigabytes
        // before the limit was noticed. The product of the level counts bounds the grid; only conditional dimensions
        // (NaN where inactive) can make the grid smaller, so only then is it counted exactly, still without storing.
        var bound = perDimension.Aggregate(1L, (n, l) => Times(n, Math.Max(l.Length, 1), maxPoints));
        if (bound > maxPoints && (space.Dimensions.All(d => d.Condition is null) || CountUpTo(space, perDimension, maxPoints) > maxPoints))
        {
            var largest = space.Dimensions.Zip(perDimension).MaxBy(d => d.Second.Length);
            throw TooLarge(largest.First.Name, largest.Second.Length, maxPoints);
        }

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

    /// <summary>The refusal of a grid of more than <paramref name="maxPoints"/> points, naming its largest dimension.</summary>
    public static ArgumentException TooLarge(string largestName, double largestCount, int maxPoints) => new(
        $"The grid over this search space has more than {maxPoints} points; '{largestName}' alone has {largestCount:0.##########} " +
        "values. Give GridSampler fewer values for it, fewer float points, or fewer dimensions.");

    /// <summary>a * b, or cap + 1 once the product passes cap (so it never overflows).</summary>
    private static long Times(long a, long b, long cap) => a > (cap + 1) / b ? cap + 1 : Math.Min(a * b, cap + 1);

    /// <summary>The exact number of grid points with conditions applied, counted without storing them, or cap + 1
    /// once it passes cap.</summary>
    private static long CountUpTo(SearchSpace space, double[][] perDimension, long cap)
    {
        var partial = new double[space.Dimensions.Count];
        return Count(0);

        long Count(int depth)
        {
            if (depth == space.Order.Count)
            {
                return 1;
            }

            var i = space.Order[depth];
            if (!space.IsActive(partial, i))
            {
                partial[i] = double.NaN;
                return Count(depth + 1);
            }

            var total = 0L;
            foreach (var value in perDimension[i])
            {
                partial[i] = value;
                total = Math.Min(total + Count(depth + 1), cap + 1);
                if (total > cap)
                {
                    break;
                }
            }

            return total;
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
