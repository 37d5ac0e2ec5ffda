namespace Dials.MultiObjective;

/// <summary>The exact hypervolume of 2-D loss vectors by a sort and sweep, O(N log N).</summary>
internal static class Hypervolume2D
{
    /// <summary>The area dominated by <paramref name="points"/> (each strictly better than
    /// <paramref name="reference"/>) and bounded by it; dominated and repeated points are allowed.</summary>
    public static double Compute(IReadOnlyList<double[]> points, double[] reference)
    {
        var sorted = points.ToArray();
        Array.Sort(sorted, (a, b) => Lexicographic.Compare(a, b, 2));

        // Left to right, each point that lowers the best second loss so far adds the strip between the old and the
        // new best, from its first loss to the reference; any other point is dominated.
        var area = 0.0;
        var top = reference[1];
        foreach (var point in sorted)
        {
            if (point[1] < top)
            {
                area += (reference[0] - point[0]) * (top - point[1]);
                top = point[1];
            }
        }

        return area;
    }
}
