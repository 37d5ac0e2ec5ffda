namespace Dials.MultiObjective;

/// <summary>
/// The exact hypervolume of loss vectors with 4 or more objectives by While, Bradstreet and Barone's WFG algorithm
/// (IEEE TEVC 16(1), 2012): the hypervolume is the sum of each point's exclusive volume with respect to the points
/// after it, and that exclusive volume is the point's box less the hypervolume of the later points limited to the
/// box (each coordinate the worse of the two), with dominated limited points dropped before recursing. As in WFG,
/// points are first sorted by their last objective, worst first: the later points are then no worse than the
/// current one in it, so every limited point shares its last coordinate and the limited set is one objective
/// smaller. The recursion ends in the exact 3-D sweep.
/// </summary>
internal static class WfgHypervolume
{
    /// <summary>The hypervolume of <paramref name="points"/>, unique and mutually non-dominated, each strictly better
    /// than <paramref name="reference"/> in every coordinate; the number of objectives is the reference's length.
    /// </summary>
    public static double Compute(List<double[]> points, double[] reference) =>
        Compute(points, reference, reference.Length);

    private static double Compute(List<double[]> points, double[] reference, int objectives)
    {
        if (points.Count == 0)
        {
            return 0;
        }

        if (points.Count == 1)
        {
            return Hypervolume.Box(points[0], reference, objectives);
        }

        if (objectives == 3)
        {
            return Hypervolume3D.Compute(points, reference);
        }

        var last = objectives - 1;
        points.Sort((a, b) => b[last].CompareTo(a[last]));
        var total = 0.0;
        for (var k = 0; k < points.Count; k++)
        {
            var point = points[k];
            var limited = new List<double[]>(points.Count - k - 1);
            for (var i = k + 1; i < points.Count; i++)
            {
                var worse = new double[last];
                for (var j = 0; j < last; j++)
                {
                    worse[j] = Math.Max(point[j], points[i][j]);
                }

                limited.Add(worse);
            }

            var exclusive = Hypervolume.Box(point, reference, last)
                - Compute(NondominatedFilter.Unique(limited, last), reference, last);
            total += (reference[last] - point[last]) * exclusive;
        }

        return total;
    }
}
