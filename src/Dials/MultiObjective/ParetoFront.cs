namespace Dials.MultiObjective;

/// <summary>The Pareto front of a set of value vectors: the feasible points no other feasible point dominates.
/// </summary>
public static class ParetoFront
{
    /// <summary>The indices, ascending, of the points on the Pareto front. Equal vectors are on it together or not at
    /// all. With constraints an infeasible point is never on the front, so the front is empty when no point is
    /// feasible.</summary>
    /// <inheritdoc cref="NondominatedSort.Ranks" path="/param"/>
    /// <exception cref="ArgumentException">As for <see cref="NondominatedSort.Ranks"/>.</exception>
    public static int[] Indices(
        IReadOnlyList<IReadOnlyList<double>> values,
        IReadOnlyList<Direction> directions,
        IReadOnlyList<IReadOnlyList<double>>? constraints = null)
    {
        var losses = Losses.Of(values, directions);
        if (constraints is not null && constraints.Count != values.Count)
        {
            throw new ArgumentException(
                $"There are {constraints.Count} constraint vectors for {values.Count} points.", nameof(constraints));
        }

        var candidates = Enumerable.Range(0, losses.Length)
            .Where(i => constraints is null || Dominance.IsFeasible(constraints[i]))
            .ToArray();

        // Walk in lexicographic order: a point's dominators come before it, and a dominated dominator's own
        // dominator is on the front already, so comparing with the front so far is enough.
        var front = new List<int>();
        foreach (var k in Lexicographic.Order([.. candidates.Select(i => losses[i])]))
        {
            var point = losses[candidates[k]];
            if (!front.Exists(f => Dominance.Dominates(losses[f], point)))
            {
                front.Add(candidates[k]);
            }
        }

        front.Sort();
        return [.. front];
    }
}
