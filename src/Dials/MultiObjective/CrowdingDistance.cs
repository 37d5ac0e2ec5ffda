namespace Dials.MultiObjective;

/// <summary>
/// The crowding distance of NSGA-II (Deb et al., 2002): how much room a point has around it on its front, used to
/// keep the points of a front that are far apart.
/// </summary>
public static class CrowdingDistance
{
    /// <summary>
    /// The crowding distance of each point: over the objectives, the sum of the gap between the point's two
    /// neighbours in that objective divided by the objective's range over the points. The smallest and largest
    /// points in an objective get positive infinity; an objective where all points are equal adds nothing. As in
    /// Optuna, the range is that of the finite values (1 when there is none), and a gap between two equal infinite
    /// neighbours is 0. Equal values are ordered by position, so the first of several equal extremes gets the
    /// infinity. The distance does not depend on the objectives' directions.
    /// </summary>
    /// <param name="values">The value vectors of the points, usually one front, all of the same length.</param>
    /// <exception cref="ArgumentException">The vectors' lengths differ, or a value is NaN.</exception>
    public static double[] Compute(IReadOnlyList<IReadOnlyList<double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var distances = new double[values.Count];
        if (values.Count == 0)
        {
            return distances;
        }

        var objectives = values[0].Count;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Count != objectives)
            {
                throw new ArgumentException($"values[{i}] has {values[i].Count} values, values[0] has {objectives}.", nameof(values));
            }

            if (values[i].Any(double.IsNaN))
            {
                throw new ArgumentException($"values[{i}] has a NaN value.", nameof(values));
            }
        }

        var order = new int[values.Count];
        for (var j = 0; j < objectives; j++)
        {
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) =>
            {
                var byValue = values[a][j].CompareTo(values[b][j]);
                return byValue != 0 ? byValue : a.CompareTo(b);
            });
            AddObjective(values, j, order, distances);
        }

        return distances;
    }

    private static void AddObjective(IReadOnlyList<IReadOnlyList<double>> values, int j, int[] order, double[] distances)
    {
        double Sorted(int position) => position < 0 ? double.NegativeInfinity
            : position >= order.Length ? double.PositiveInfinity
            : values[order[position]][j];

        if (Sorted(0) == Sorted(order.Length - 1))
        {
            return;
        }

        var finite = order.Select(i => values[i][j]).Where(double.IsFinite).ToArray();
        var width = finite.Length == 0 ? 0 : finite.Max() - finite.Min();
        if (width <= 0)
        {
            width = 1;
        }

        for (var position = 0; position < order.Length; position++)
        {
            double below = Sorted(position - 1), above = Sorted(position + 1);

            // Without this, two equal infinite neighbours would give inf - inf = NaN.
            var gap = below == above ? 0 : above - below;
            distances[order[position]] += gap / width;
        }
    }
}
