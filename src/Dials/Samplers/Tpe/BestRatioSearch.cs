namespace Dials.Samplers;

/// <summary>
/// Finds which candidates can have the largest good-to-bad density ratio without summing the bad density at every
/// candidate: late in a study the bad density has a kernel per trial, and summing all of them for every candidate was
/// most of a proposal. The answer is the one a full sum gives, bit for bit.
/// </summary>
/// <remarks>
/// <para>A partial sum of the bad density's kernels is at most the whole, so the ratio it gives bounds a candidate's
/// ratio from above. The newest trials' kernels are the ones near where the search now proposes, so a candidate's
/// newest blocks of kernels hold most of its bad density: summed newest first, the bound tightens within a few
/// blocks. Every candidate's newest blocks are summed first; then candidates are taken from the best bound down; the first gets its exact ratio, and each next one adds
/// blocks, newest first, only until its bound falls below the best exact ratio so far (it cannot win) or every block
/// is in (it gets its exact ratio, which may become the best).</para>
/// <para>An exact ratio is summed oldest block first, the order and operations of
/// <see cref="ParzenEstimator.LogDensityAt"/>, so a candidate that may win has the very value a full sum gives. A bound
/// is compared with a margin far above the rounding of either sum (and the negligible terms both leave out), so a
/// candidate is never ruled out by rounding. On the 1,000-trial 10-D study of docs/benchmarks.md about a fifth of
/// the kernel blocks a full sum would visit are visited.</para>
/// </remarks>
internal static class BestRatioSearch
{
    // Below this many blocks the bookkeeping costs about what it saves.
    private const int MinimumBlocks = 4;

    // Every candidate's newest blocks are summed before any is taken further, so that the first taken (the best
    // bound) is likely the winner: two blocks visited the fewest kernels on the benchmark study (one and three: 5 %
    // and 15 % more).
    private const int WarmBlocks = 2;

    // Log-density units: the sums' rounding is around 1e-13 and the negligible terms they skip around 1e-15.
    private const double Margin = 1e-9;

    /// <summary>Per candidate, its log bad density as <see cref="ParzenEstimator.LogDensityAt"/> gives it, or
    /// positive infinity for a candidate proven not to have the largest ratio (so that its ratio is minus infinity).
    /// </summary>
    /// <param name="bad">The bad density.</param>
    /// <param name="points">The candidates, mapped by <see cref="ParzenEstimator.UnitPoints"/>.</param>
    /// <param name="count">How many candidates.</param>
    /// <param name="dimensions">The candidates' length.</param>
    /// <param name="logGood">Their log good densities.</param>
    public static double[] LogBad(ParzenEstimator bad, double[] points, int count, int dimensions, double[] logGood)
    {
        if (ParzenEstimator.BlockScorer.BlocksOf(bad) < MinimumBlocks)
        {
            return bad.LogDensityAt(points, count);
        }

        using var scorer = new ParzenEstimator.BlockScorer(bad);

        Span<double> scratch = stackalloc double[ParzenEstimator.KernelBlock];
        var maxima = new double[count];
        var sums = new double[count];
        var next = new int[count];
        Array.Fill(maxima, double.NegativeInfinity);
        var newest = scorer.Blocks - 1;
        var warm = Math.Min(scorer.Blocks, WarmBlocks);
        for (var b = newest; b > newest - warm; b--)
        {
            for (var c = 0; c < count; c++)
            {
                scorer.Add(b, points.AsSpan(c * dimensions, dimensions), scratch, ref maxima[c], ref sums[c]);
            }
        }

        Array.Fill(next, newest - warm);

        var bounds = new double[count];
        for (var c = 0; c < count; c++)
        {
            bounds[c] = logGood[c] - ParzenEstimator.LogSum(maxima[c], sums[c]);
        }

        // From the best bound down, ties in candidate order (a stable sort of the negated bounds).
        var order = new int[count];
        var keys = new double[count];
        for (var c = 0; c < count; c++)
        {
            (order[c], keys[c]) = (c, -bounds[c]);
        }

        SortStably(keys, order);
        var logBad = new double[count];
        Array.Fill(logBad, double.PositiveInfinity);
        var best = double.NegativeInfinity;
        foreach (var c in order)
        {
            var point = points.AsSpan(c * dimensions, dimensions);
            while (true)
            {
                var bound = logGood[c] - ParzenEstimator.LogSum(maxima[c], sums[c]);
                if (bound < best - Margin)
                {
                    break; // cannot win
                }

                if (next[c] < 0 || double.IsNegativeInfinity(best))
                {
                    logBad[c] = Exact(scorer, point, scratch);
                    best = Math.Max(best, logGood[c] - logBad[c]);
                    break;
                }

                scorer.Add(next[c]--, point, scratch, ref maxima[c], ref sums[c]);
            }
        }

        return logBad;
    }

    // Insertion sort: a couple of dozen candidates, and stable, so equal bounds keep candidate order. NaN bounds (a
    // density that is minus infinity everywhere) sort last, as they compare false.
    private static void SortStably(double[] keys, int[] order)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var (key, value) = (keys[i], order[i]);
            var j = i - 1;
            for (; j >= 0 && (keys[j] > key || double.IsNaN(keys[j]) && !double.IsNaN(key)); j--)
            {
                (keys[j + 1], order[j + 1]) = (keys[j], order[j]);
            }

            (keys[j + 1], order[j + 1]) = (key, value);
        }
    }

    // Every block, oldest first: LogDensityAt's order.
    private static double Exact(ParzenEstimator.BlockScorer scorer, ReadOnlySpan<double> point, Span<double> scratch)
    {
        var (max, sum) = (double.NegativeInfinity, 0.0);
        for (var b = 0; b < scorer.Blocks; b++)
        {
            scorer.Add(b, point, scratch, ref max, ref sum);
        }

        return ParzenEstimator.LogSum(max, sum);
    }
}
