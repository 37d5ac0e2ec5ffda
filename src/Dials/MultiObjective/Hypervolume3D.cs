namespace Dials.MultiObjective;

/// <summary>
/// The exact hypervolume of 3-D loss vectors by the dimension sweep of Beume, Fonseca, López-Ibáñez, Paquete and
/// Vahrenhold (IEEE TEVC 13(5), 2009): points are visited by increasing third loss, and the area the first two losses
/// dominate so far is kept up to date in a balanced search tree of the current 2-D front, so each point costs
/// O(log N) plus the points it removes from the front: O(N log N) in all.
/// </summary>
internal static class Hypervolume3D
{
    /// <summary>The volume dominated by <paramref name="points"/> (each strictly better than
    /// <paramref name="reference"/>) and bounded by it; dominated and repeated points are allowed.</summary>
    public static double Compute(IReadOnlyList<double[]> points, double[] reference)
    {
        var sorted = points.ToArray();
        Array.Sort(sorted, (a, b) => a[2].CompareTo(b[2]));

        // The 2-D front in the first two losses, by increasing first loss (so decreasing second loss), between two
        // sentinels: every point has a left neighbour whose second loss is the reference's and a right neighbour
        // whose second loss is below everything, which spares the edge cases.
        var front = new SortedSet<Corner>(ByFirstLoss.Instance)
        {
            new(double.NegativeInfinity, reference[1]),
            new(reference[0], double.NegativeInfinity),
        };
        var lowest = new Corner(double.NegativeInfinity, 0);
        var highest = new Corner(reference[0], 0);
        var removed = new List<Corner>();

        var volume = 0.0;
        var area = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var point = new Corner(sorted[i][0], sorted[i][1]);
            area += Insert(front, point, lowest, highest, removed);
            var nextThird = i + 1 < sorted.Length ? sorted[i + 1][2] : reference[2];
            volume += area * (nextThird - sorted[i][2]);
        }

        return volume;
    }

    /// <summary>Adds a point to the 2-D front and returns the area it adds (0 when the front dominates it).</summary>
    private static double Insert(SortedSet<Corner> front, Corner point, Corner lowest, Corner highest, List<Corner> removed)
    {
        // The front member with the largest first loss not above the point's has the smallest second loss among
        // those: it alone decides whether the front dominates the point.
        var left = front.GetViewBetween(lowest, point).Max;
        if (left.Second <= point.Second)
        {
            return 0;
        }

        // Walk right from the point's first loss: members with a second loss not below the point's are dominated
        // by it and leave the front; the area gained under each step of the old front's staircase is the step's
        // width times its height above the point, until a member lies below the point.
        removed.Clear();
        var gain = 0.0;
        var x = point.First;
        var height = left.Second;
        foreach (var member in front.GetViewBetween(point, highest))
        {
            if (member.First == point.First)
            {
                // The left neighbour itself, at the same first loss and higher: dominated.
                removed.Add(member);
                continue;
            }

            gain += (member.First - x) * (height - point.Second);
            if (member.Second < point.Second)
            {
                break;
            }

            removed.Add(member);
            x = member.First;
            height = member.Second;
        }

        foreach (var member in removed)
        {
            front.Remove(member);
        }

        front.Add(point);
        return gain;
    }

    /// <summary>A member of the 2-D front.</summary>
    private readonly record struct Corner(double First, double Second);

    /// <summary>Orders front members by first loss alone: members of a front never share it.</summary>
    private sealed class ByFirstLoss : IComparer<Corner>
    {
        public static ByFirstLoss Instance { get; } = new();

        public int Compare(Corner a, Corner b) => a.First.CompareTo(b.First);
    }
}
