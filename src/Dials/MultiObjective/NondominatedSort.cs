namespace Dials.MultiObjective;

/// <summary>
/// Non-dominated sorting: the rank of each point, 0 for the points no other point dominates, 1 for those dominated
/// only by rank-0 points, and so on (the fronts of Deb et al.'s NSGA-II, 2002). With constraints the ranks follow
/// constrained dominance (<see cref="Dominance"/>), as Optuna's NSGA-II does: feasible points are sorted among
/// themselves first; infeasible points come after them all, one rank per distinct total violation, smallest first.
/// </summary>
/// <remarks>
/// The ranks are computed by Zhang et al.'s efficient non-dominated sort with binary search (ENS-BS, IEEE TEVC 19(2),
/// 2015): points are visited in lexicographic order, so every point's dominators come before it, and each point joins
/// the first front none of whose members dominates it, found by binary search because a front that holds a
/// dominator is preceded only by fronts that hold one too. The ranks are those of Deb's fast non-dominated sort; the
/// cost is at most O(M N^2) comparisons like his, usually far fewer, with O(N) memory instead of O(N^2). For two
/// objectives a front dominates a point exactly when its most recent member does, so the sort takes O(N log N).
/// Equal vectors share a rank.
/// </remarks>
public static class NondominatedSort
{
    /// <summary>The rank of each point (see the class summary), in the order of <paramref name="values"/>.</summary>
    /// <param name="values">One value vector per point, as long as <paramref name="directions"/>.</param>
    /// <param name="directions">Whether each objective is minimised or maximised.</param>
    /// <param name="constraints">Optionally one constraint vector per point (feasible when every value is at most
    /// 0); null for an unconstrained problem.</param>
    /// <exception cref="ArgumentException">A vector has the wrong length, a value is NaN, or
    /// <paramref name="constraints"/> does not have one vector per point.</exception>
    public static int[] Ranks(
        IReadOnlyList<IReadOnlyList<double>> values,
        IReadOnlyList<Direction> directions,
        IReadOnlyList<IReadOnlyList<double>>? constraints = null)
    {
        var losses = Losses.Of(values, directions);
        if (constraints is null)
        {
            return RanksOfLosses(losses);
        }

        if (constraints.Count != values.Count)
        {
            throw new ArgumentException(
                $"There are {constraints.Count} constraint vectors for {values.Count} points.", nameof(constraints));
        }

        var violations = constraints.Select(Dominance.Violation).ToArray();
        var feasible = Enumerable.Range(0, losses.Length).Where(i => violations[i] == 0).ToArray();
        var ranks = new int[losses.Length];
        var feasibleRanks = RanksOfLosses([.. feasible.Select(i => losses[i])]);
        for (var k = 0; k < feasible.Length; k++)
        {
            ranks[feasible[k]] = feasibleRanks[k];
        }

        var next = feasibleRanks.Length == 0 ? 0 : feasibleRanks.Max() + 1;
        var infeasible = Enumerable.Range(0, losses.Length).Where(i => violations[i] > 0).OrderBy(i => violations[i]);
        var previous = double.NaN;
        foreach (var i in infeasible)
        {
            if (!double.IsNaN(previous) && violations[i] > previous)
            {
                next++;
            }

            ranks[i] = next;
            previous = violations[i];
        }

        return ranks;
    }

    /// <summary>The points grouped by rank: element r holds the indices of the rank-r points, ascending.</summary>
    /// <inheritdoc cref="Ranks" path="/param"/>
    /// <exception cref="ArgumentException">As for <see cref="Ranks"/>.</exception>
    public static int[][] Fronts(
        IReadOnlyList<IReadOnlyList<double>> values,
        IReadOnlyList<Direction> directions,
        IReadOnlyList<IReadOnlyList<double>>? constraints = null)
    {
        var ranks = Ranks(values, directions, constraints);
        var count = ranks.Length == 0 ? 0 : ranks.Max() + 1;
        var fronts = new List<int>[count];
        for (var r = 0; r < count; r++)
        {
            fronts[r] = [];
        }

        for (var i = 0; i < ranks.Length; i++)
        {
            fronts[ranks[i]].Add(i);
        }

        return [.. fronts.Select(f => f.ToArray())];
    }

    /// <summary>The ranks of loss vectors of equal length, without constraints.</summary>
    internal static int[] RanksOfLosses(IReadOnlyList<double[]> losses)
    {
        var ranks = new int[losses.Count];
        var fronts = new List<List<double[]>>();
        foreach (var i in Lexicographic.Order(losses))
        {
            var point = losses[i];
            int low = 0, high = fronts.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (FrontDominates(fronts[middle], point))
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            if (low == fronts.Count)
            {
                fronts.Add([]);
            }

            fronts[low].Add(point);
            ranks[i] = low;
        }

        return ranks;
    }

    private static bool FrontDominates(List<double[]> front, double[] point)
    {
        if (point.Length == 2)
        {
            // Members arrive in lexicographic order and do not dominate each other, so the latest has the smallest
            // second loss: if any member dominates the point, the latest does.
            return Dominance.Dominates(front[^1], point);
        }

        // Later members are the likelier dominators (closest in lexicographic order), so look at them first.
        for (var k = front.Count - 1; k >= 0; k--)
        {
            if (Dominance.Dominates(front[k], point))
            {
                return true;
            }
        }

        return false;
    }
}
