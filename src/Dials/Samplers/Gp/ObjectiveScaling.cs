namespace Dials.Samplers.Gp;

/// <summary>
/// Turns observed values (larger is better) into the GP's targets: values worse than the median are compressed
/// logarithmically towards it, then all are standardised.
/// </summary>
/// <remarks>
/// <para>Objectives often have a long tail of bad values (a diverged training run, Rosenbrock's corners at 10⁶ against an
/// optimum of 0). A stationary GP fitted to them spends its variance on the tail: near the optimum the values look flat
/// and the search explores at random. Compressing only the worse half, v ↦ m - s·ln(1 + (m - v)/s) below the median m
/// with s the spread between the best value and m, keeps the better half exactly as observed (where the optimum is
/// refined) and the ordering of all, while the tail no longer dominates.</para>
/// <para>Chosen by measurement against plain standardisation, a Box-Cox/Yeo-Johnson power transform (as HEBO does) and
/// compression from the best quartile or the worst quartile: see docs/samplers.md.</para>
/// </remarks>
internal static class ObjectiveScaling
{
    /// <summary>The targets for <paramref name="values"/>.</summary>
    public static double[] Targets(double[] values)
    {
        if (values.Length == 0)
        {
            return values;
        }

        var sorted = values.OrderByDescending(v => v).ToArray();
        var median = sorted[(sorted.Length - 1) / 2];
        var spread = sorted[0] - median;
        var compressed = spread > 0
            ? values.Select(v => v >= median ? v : median - spread * Math.Log(1 + (median - v) / spread)).ToArray()
            : values;
        var mean = compressed.Average();
        var variance = compressed.Sum(v => (v - mean) * (v - mean)) / compressed.Length;
        var std = Math.Max(Math.Sqrt(variance), 1e-10 * Math.Max(1, Math.Abs(mean)));
        return [.. compressed.Select(v => (v - mean) / std)];
    }
}
