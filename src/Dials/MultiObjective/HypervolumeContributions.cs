namespace Dials.MultiObjective;

/// <summary>
/// Each point's exclusive contribution to the hypervolume: its box less the hypervolume of the other points limited
/// to that box (each coordinate the worse of the two, as WFG computes exclusive volumes). Only a point of the
/// non-dominated set that has no copy can own volume, so the others are not computed. Points it dominates do count
/// in its limited set: they cover part of its box once it is gone. For 2 objectives only the points inside the
/// member's step of the staircase matter, which makes the whole O(N F) for F members instead of O(F N log N).
/// </summary>
internal static class HypervolumeContributions
{
    /// <summary>The contributions of loss vectors; <paramref name="inside"/> says which are strictly better than
    /// <paramref name="reference"/> in every coordinate (the others get 0), none of them minus infinity anywhere.
    /// </summary>
    public static double[] OfLosses(double[][] losses, bool[] inside, double[] reference)
    {
        var contributions = new double[losses.Length];
        var objectives = reference.Length;
        var candidates = Enumerable.Range(0, losses.Length).Where(i => inside[i]).ToArray();
        var front = NondominatedFilter.Unique([.. candidates.Select(i => losses[i])], objectives);
        var copies = candidates.ToLookup(i => losses[i], VectorComparer.Instance);
        for (var k = 0; k < front.Count; k++)
        {
            var member = front[k];
            var same = copies[member].ToArray();
            if (same.Length > 1)
            {
                // Removing one copy leaves another in place.
                continue;
            }

            var owner = same[0];
            if (objectives == 2)
            {
                contributions[owner] = Staircase(losses, candidates, owner, front, k, reference);
                continue;
            }

            var limited = new List<double[]>(candidates.Length - 1);
            foreach (var other in candidates)
            {
                if (other != owner)
                {
                    var worse = new double[objectives];
                    for (var j = 0; j < objectives; j++)
                    {
                        worse[j] = Math.Max(member[j], losses[other][j]);
                    }

                    limited.Add(worse);
                }
            }

            // Clamped: the subtraction can leave a rounding residue just below 0 for a member that adds almost nothing.
            var exclusive = Hypervolume.Box(member, reference, objectives) - Hypervolume.OfLosses(limited, reference);
            contributions[owner] = Math.Max(0, exclusive);
        }

        return contributions;
    }

    /// <summary>
    /// A 2-D front member's contribution. The front in lexicographic order is a staircase, and the member alone
    /// dominates the step between its corner, the next member's first loss and the previous member's second loss,
    /// less what the points it dominates cover of that step once it is gone. Only points inside the step can cover
    /// any of it (a point left of the member inside the step's height would be on the front), so the cost is a scan,
    /// not a hypervolume of all the other points.
    /// </summary>
    private static double Staircase(double[][] losses, int[] candidates, int owner, List<double[]> front, int k, double[] reference)
    {
        var member = front[k];
        var right = k + 1 < front.Count ? front[k + 1][0] : reference[0];
        var top = k > 0 ? front[k - 1][1] : reference[1];
        var inStep = new List<double[]>();
        foreach (var other in candidates)
        {
            if (other != owner && losses[other][0] < right && losses[other][1] < top)
            {
                inStep.Add(losses[other]);
            }
        }

        var step = (right - member[0]) * (top - member[1]);
        return inStep.Count == 0 ? step : Math.Max(0, step - Hypervolume2D.Compute(inStep, [right, top]));
    }

    /// <summary>Equality of loss vectors by value, to find copies.</summary>
    private sealed class VectorComparer : IEqualityComparer<double[]>
    {
        public static VectorComparer Instance { get; } = new();

        public bool Equals(double[]? x, double[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(double[] vector)
        {
            var hash = new HashCode();
            foreach (var value in vector)
            {
                // 0.0 and -0.0 are equal values, so they must hash alike.
                hash.Add(value == 0 ? 0.0 : value);
            }

            return hash.ToHashCode();
        }
    }
}
