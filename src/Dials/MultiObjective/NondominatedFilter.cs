namespace Dials.MultiObjective;

/// <summary>Keeps the non-dominated loss vectors of a set, one copy of each: what a hypervolume depends on.</summary>
internal static class NondominatedFilter
{
    /// <summary>The vectors no other vector weakly dominates in the first <paramref name="objectives"/>
    /// coordinates, each once, in lexicographic order.</summary>
    public static List<double[]> Unique(IReadOnlyList<double[]> points, int objectives)
    {
        var sorted = points.ToArray();
        Array.Sort(sorted, (a, b) => Lexicographic.Compare(a, b, objectives));

        // In lexicographic order only an earlier vector can weakly dominate a later one, and a vector dominated by a
        // dropped one is dominated by whatever dropped that, so comparing with the kept ones is enough.
        var kept = new List<double[]>();
        foreach (var point in sorted)
        {
            if (!kept.Exists(k => Dominance.WeaklyDominates(k, point, objectives)))
            {
                kept.Add(point);
            }
        }

        return kept;
    }
}
