using Dials.MultiObjective;

namespace Dials.Samplers.Tests.MultiObjective;

/// <summary>Definitional, slow versions of what the multi-objective code computes fast, to test it against.</summary>
internal static class BruteForce
{
    /// <summary>Ranks by peeling: rank r is every remaining point no remaining point constrained-dominates.</summary>
    public static int[] Ranks(double[][] values, Direction[] directions, double[][]? constraints)
    {
        var none = Array.Empty<double>();
        var ranks = Enumerable.Repeat(-1, values.Length).ToArray();
        for (var rank = 0; ranks.Contains(-1); rank++)
        {
            var remaining = Enumerable.Range(0, values.Length).Where(i => ranks[i] < 0).ToArray();
            var front = remaining.Where(i => !remaining.Any(k => Dominance.ConstrainedDominates(
                values[k], constraints?[k] ?? none, values[i], constraints?[i] ?? none, directions))).ToArray();
            foreach (var i in front)
            {
                ranks[i] = rank;
            }
        }

        return ranks;
    }

    /// <summary>The hypervolume by inclusion and exclusion over every subset of the points that dominate the
    /// reference: the union of their boxes, each subset's intersection being the box of its componentwise worst.
    /// </summary>
    public static double Hypervolume(double[][] values, double[] reference, Direction[] directions)
    {
        double Loss(double v, int j) => directions[j] == Direction.Maximize ? -v : v;
        var inside = values
            .Where(p => p.Select((v, j) => Loss(v, j) < Loss(reference[j], j)).All(b => b))
            .Select(p => p.Select(Loss).ToArray())
            .ToArray();
        var bound = reference.Select(Loss).ToArray();
        var total = 0.0;
        for (var mask = 1; mask < 1 << inside.Length; mask++)
        {
            var worst = Enumerable.Repeat(double.NegativeInfinity, bound.Length).ToArray();
            var members = 0;
            for (var i = 0; i < inside.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    members++;
                    for (var j = 0; j < bound.Length; j++)
                    {
                        worst[j] = Math.Max(worst[j], inside[i][j]);
                    }
                }
            }

            var box = worst.Select((w, j) => bound[j] - w).Aggregate(1.0, (a, b) => a * b);
            total += members % 2 == 1 ? box : -box;
        }

        return total;
    }

    /// <summary>The hypervolume by slicing along the last objective (the HSO idea): between consecutive values of
    /// it, the cross-section is the hypervolume, one objective fewer, of the points at or below the slice.</summary>
    public static double Sliced(double[][] losses, double[] reference)
    {
        var last = reference.Length - 1;
        var inside = losses.Where(p => p.Select((v, j) => v < reference[j]).All(b => b)).ToArray();
        var levels = inside.Select(p => p[last]).Distinct().Order().Append(reference[last]).ToArray();
        var lower = reference[..last];
        var total = 0.0;
        for (var k = 0; k + 1 < levels.Length; k++)
        {
            var slice = inside.Where(p => p[last] <= levels[k]).Select(p => p[..last]).ToList();
            total += (levels[k + 1] - levels[k]) * Dials.MultiObjective.Hypervolume.OfLosses(slice, lower);
        }

        return total;
    }
}
