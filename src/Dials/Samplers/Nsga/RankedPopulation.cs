using Dials.MultiObjective;

namespace Dials.Samplers.Nsga;

/// <summary>
/// Members with their non-dominated rank (constrained domination: feasible members first, then infeasible ones by
/// increasing total violation) and their crowding distance within their front: what NSGA-II's survival and its
/// tournaments compare.
/// </summary>
internal sealed class RankedPopulation
{
    private RankedPopulation(IReadOnlyList<NsgaMember> members, int[] ranks, double[] crowding)
    {
        Members = members;
        Ranks = ranks;
        Crowding = crowding;
    }

    /// <summary>The members, in the order given.</summary>
    public IReadOnlyList<NsgaMember> Members { get; }

    /// <summary>Each member's rank, 0 for the first front.</summary>
    public int[] Ranks { get; }

    /// <summary>Each member's crowding distance within its front (infinite at a front's extremes).</summary>
    public double[] Crowding { get; }

    /// <summary>The number of members.</summary>
    public int Count => Members.Count;

    /// <summary>Ranks <paramref name="members"/>.</summary>
    public static RankedPopulation Of(IReadOnlyList<NsgaMember> members, IReadOnlyList<Direction> directions)
    {
        var values = members.Select(m => m.Values).ToArray();
        // Constraints enter only when some member has any: the unconstrained sort is the plain one.
        var constraints = members.Any(m => m.Constraints.Count > 0) ? members.Select(m => m.Constraints).ToArray() : null;
        var ranks = NondominatedSort.Ranks(values, directions, constraints);
        var crowding = new double[members.Count];
        foreach (var front in Enumerable.Range(0, members.Count).GroupBy(i => ranks[i]))
        {
            var indices = front.ToArray();
            var distances = CrowdingDistance.Compute([.. indices.Select(i => values[i])]);
            for (var k = 0; k < indices.Length; k++)
            {
                crowding[indices[k]] = distances[k];
            }
        }

        return new RankedPopulation(members, ranks, crowding);
    }

    /// <summary>Whether member <paramref name="a"/> is preferred to member <paramref name="b"/>: a lower rank, or the
    /// same rank and more room around it; the earlier trial on a full tie, so that the order never depends on chance.</summary>
    public bool Precedes(int a, int b) =>
        Ranks[a] != Ranks[b] ? Ranks[a] < Ranks[b]
        : Crowding[a] != Crowding[b] ? Crowding[a] > Crowding[b]
        : Members[a].Number < Members[b].Number;

    /// <summary>NSGA-II's elitist survival: the <paramref name="size"/> most preferred members (whole fronts while they
    /// fit, then the last front's members with the most room), ranked again among themselves.</summary>
    public RankedPopulation Survivors(int size, IReadOnlyList<Direction> directions)
    {
        if (Count <= size)
        {
            return this;
        }

        var order = Enumerable.Range(0, Count).ToArray();
        Array.Sort(order, (a, b) => a == b ? 0 : Precedes(a, b) ? -1 : 1);
        return Of([.. order.Take(size).Select(i => Members[i])], directions);
    }
}
