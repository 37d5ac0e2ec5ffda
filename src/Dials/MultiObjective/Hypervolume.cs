namespace Dials.MultiObjective;

/// <summary>
/// The hypervolume of a set of points: the volume of the region they dominate, bounded by a reference point that is
/// worse than every point of interest in every objective (use <see cref="ReferencePoint.FromNadir"/> to derive one).
/// Exact, by an algorithm chosen by the number of objectives: a sort and sweep for 2; the dimension sweep of Beume
/// et al. (IEEE TEVC 13(5), 2009), with a balanced search tree holding the 2-D front, for 3 (O(N log N)); and While,
/// Bradstreet and Barone's WFG (IEEE TEVC 16(1), 2012) beyond 3, whose recursion ends in the 3-D sweep.
/// </summary>
/// <remarks>A point counts only if it is strictly better than the reference in every objective; the others are
/// ignored (a point on the reference's boundary dominates no volume anyway). Dominated and repeated points add
/// nothing. A value infinitely good (minus infinity for a minimised objective) makes the hypervolume infinite.
/// </remarks>
public static class Hypervolume
{
    /// <summary>The hypervolume of <paramref name="values"/> with respect to <paramref name="reference"/>.</summary>
    /// <param name="values">One value vector per point, as long as <paramref name="directions"/>.</param>
    /// <param name="reference">The reference point, in the objectives' own units and directions (for a maximised
    /// objective it is a lower bound); finite.</param>
    /// <param name="directions">Whether each objective is minimised or maximised.</param>
    /// <exception cref="ArgumentException">A vector has the wrong length, a value is NaN, or the reference is not
    /// finite.</exception>
    public static double Compute(
        IReadOnlyList<IReadOnlyList<double>> values, IReadOnlyList<double> reference, IReadOnlyList<Direction> directions)
    {
        var (inside, bound) = Prepare(values, reference, directions);
        return inside.Any(p => p.Any(double.IsNegativeInfinity)) ? double.PositiveInfinity : OfLosses(inside, bound);
    }

    /// <summary>
    /// The exclusive contribution of each point: how much the hypervolume shrinks when that point alone is removed.
    /// It is 0 for a dominated point, for each copy of a repeated point, and for a point not strictly better than the
    /// reference; removing the point with the smallest contribution is how a front is truncated with the least loss
    /// of hypervolume (as SMS-EMOA does).
    /// </summary>
    /// <inheritdoc cref="Compute" path="/param"/>
    /// <exception cref="ArgumentException">As for <see cref="Compute"/>, or a value is infinitely good.</exception>
    public static double[] Contributions(
        IReadOnlyList<IReadOnlyList<double>> values, IReadOnlyList<double> reference, IReadOnlyList<Direction> directions)
    {
        var losses = Losses.Of(values, directions);
        var bound = Bound(reference, directions);
        if (losses.Any(p => IsInside(p, bound) && p.Any(double.IsNegativeInfinity)))
        {
            throw new ArgumentException("A value is infinitely good, so contributions are undefined.", nameof(values));
        }

        return HypervolumeContributions.OfLosses(losses, [.. losses.Select(p => IsInside(p, bound))], bound);
    }

    /// <summary>The hypervolume of loss vectors that are all strictly better than <paramref name="reference"/> in
    /// every coordinate.</summary>
    internal static double OfLosses(IReadOnlyList<double[]> inside, double[] reference) => reference.Length switch
    {
        _ when inside.Count == 0 => 0,
        1 => reference[0] - inside.Min(p => p[0]),
        2 => Hypervolume2D.Compute(inside, reference),
        3 => Hypervolume3D.Compute(inside, reference),
        _ => WfgHypervolume.Compute(NondominatedFilter.Unique(inside, reference.Length), reference),
    };

    /// <summary>The volume of the box between a loss vector and the reference, in the first
    /// <paramref name="objectives"/> coordinates.</summary>
    internal static double Box(double[] point, double[] reference, int objectives)
    {
        var volume = 1.0;
        for (var j = 0; j < objectives; j++)
        {
            volume *= reference[j] - point[j];
        }

        return volume;
    }

    private static (List<double[]> Inside, double[] Bound) Prepare(
        IReadOnlyList<IReadOnlyList<double>> values, IReadOnlyList<double> reference, IReadOnlyList<Direction> directions)
    {
        var losses = Losses.Of(values, directions);
        var bound = Bound(reference, directions);
        return ([.. losses.Where(p => IsInside(p, bound))], bound);
    }

    private static double[] Bound(IReadOnlyList<double> reference, IReadOnlyList<Direction> directions)
    {
        var bound = Losses.Of(reference, directions, nameof(reference));
        if (!bound.All(double.IsFinite))
        {
            throw new ArgumentException("The reference point must be finite.", nameof(reference));
        }

        return bound;
    }

    private static bool IsInside(double[] point, double[] reference)
    {
        for (var j = 0; j < point.Length; j++)
        {
            if (!(point[j] < reference[j]))
            {
                return false;
            }
        }

        return true;
    }
}
