namespace Dials.Samplers;

/// <summary>
/// A density's kernels' neighbours in one dimension, found in the coordinate cache's standing order of every cached
/// trial by walking past the trials outside the density's set: how a kept Parzen fit sizes the few kernels it fits
/// again without ordering the whole set. Gives the width the neighbour rule of a fresh fit gives, with the prior
/// kernel (centre 0.5, after every observation not above it) counted as a neighbour when it is one. Read under the
/// cache's gate.
/// </summary>
/// <param name="Cache">The coordinate cache whose standing orders are walked.</param>
/// <param name="Slots">Per trial number, 1 + its kernel in the set, or 0 for a trial outside it.</param>
/// <param name="SlotCount">How many items of <paramref name="Slots"/> hold numbers (the rest may be stale).</param>
/// <param name="OrderCount">How many kernels the neighbour rule runs over (with the prior or without).</param>
/// <param name="ConsiderEndpoints">Whether the interval's ends count as neighbours of the end kernels.</param>
/// <param name="PriorIsNeighbour">Whether the prior kernel counts as its neighbours' neighbour.</param>
internal readonly record struct NeighbourWalk(TpeHistory.CoordinateCache Cache, int[] Slots, int SlotCount,
    int OrderCount, bool ConsiderEndpoints, bool PriorIsNeighbour)
{
    private const double PriorCentre = 0.5;

    /// <summary>Where trial <paramref name="number"/> at <paramref name="centre"/> is (or would be) listed.</summary>
    public int Find(int column, double centre, int number) => Cache.FindByCoordinate(column, centre, number);

    /// <summary>Whether the standing order lists <paramref name="number"/> at <paramref name="at"/>.</summary>
    public bool Lists(int column, int at, int number)
    {
        var listed = Cache.NumbersByCoordinate(column);
        return at < listed.Length && listed[at] == number;
    }

    /// <summary>The kernel of the set member listed at <paramref name="at"/>.</summary>
    public int Kernel(int column, int at) => Slots[Cache.NumbersByCoordinate(column)[at]] - 1;

    /// <summary>Where the nearest set member listed before <paramref name="at"/> is, or -1.</summary>
    public int Left(int column, int at)
    {
        var listed = Cache.NumbersByCoordinate(column);
        for (var i = at - 1; i >= 0; i--)
        {
            if (Member(listed[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the nearest set member listed at or after <paramref name="from"/> is, or -1.</summary>
    public int Right(int column, int from)
    {
        var listed = Cache.NumbersByCoordinate(column);
        for (var i = from; i < listed.Length; i++)
        {
            if (Member(listed[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The neighbour-rule width of the member listed at <paramref name="at"/>, whose centre is
    /// <paramref name="here"/>: the larger gap to its neighbours, with the rule's treatment of the two ends.</summary>
    public double Width(int column, int at, double here)
    {
        var keys = Cache.KeysByCoordinate(column);
        var leftAt = Left(column, at);
        var rightAt = Right(column, at + 1);
        var (hasLeft, leftCentre) = (leftAt >= 0, leftAt >= 0 ? keys[leftAt] : 0);
        var (hasRight, rightCentre) = (rightAt >= 0, rightAt >= 0 ? keys[rightAt] : 0);

        // The prior sits after every observation whose centre is not above its own.
        if (PriorIsNeighbour && here > PriorCentre && (!hasLeft || leftCentre <= PriorCentre))
        {
            (hasLeft, leftCentre) = (true, PriorCentre);
        }

        if (PriorIsNeighbour && here <= PriorCentre && (!hasRight || rightCentre > PriorCentre))
        {
            (hasRight, rightCentre) = (true, PriorCentre);
        }

        // The same operations, in the same order, as the fresh fit's neighbour rule.
        var left = hasLeft ? here - leftCentre : here;
        var right = hasRight ? rightCentre - here : 1 - here;
        if (!ConsiderEndpoints && OrderCount >= 2)
        {
            left = hasLeft ? left : right;
            right = hasRight ? right : left;
        }

        return Math.Max(left, right);
    }

    private bool Member(int number) => number < SlotCount && Slots[number] > 0;
}
