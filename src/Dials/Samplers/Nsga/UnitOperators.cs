namespace Dials.Samplers.Nsga;

/// <summary>
/// Deb's real-coded variation operators on [0, 1]: simulated binary crossover (SBX; Deb and Agrawal, 1995) and
/// polynomial mutation (Deb and Goyal, 1996), both in their bounded forms, so a child never leaves the interval and
/// the spread of children shrinks near its ends instead of piling up on them.
/// </summary>
internal static class UnitOperators
{
    /// <summary>SBX's distribution index: children land this close to their parents (15, the customary value).</summary>
    public const double CrossoverIndex = 15;

    /// <summary>Polynomial mutation's distribution index (20, the customary value): most steps are a few percent of the
    /// interval, with a tail of larger ones.</summary>
    public const double MutationIndex = 20;

    /// <summary>One of the two SBX children of <paramref name="a"/> and <paramref name="b"/>, chosen at random.</summary>
    public static double Crossover(double a, double b, TrialRandom random)
    {
        var low = Math.Min(a, b);
        var high = Math.Max(a, b);
        var gap = high - low;
        var u = random.NextDouble();
        var first = random.NextDouble() < 0.5;
        if (gap < 1e-14)
        {
            return a;
        }

        // Each child's spread factor is drawn from a distribution cut at the bound on its side of the parents.
        var spread = Spread(u, 1 + 2 * (first ? low : 1 - high) / gap);
        var child = first ? 0.5 * (low + high - spread * gap) : 0.5 * (low + high + spread * gap);
        return Math.Clamp(child, 0, 1);
    }

    /// <summary><paramref name="x"/> moved by a polynomially distributed step that never leaves [0, 1].</summary>
    public static double Mutate(double x, TrialRandom random)
    {
        var u = random.NextDouble();
        var power = 1 / (MutationIndex + 1);
        double step;
        if (u < 0.5)
        {
            var value = 2 * u + (1 - 2 * u) * Math.Pow(1 - x, MutationIndex + 1);
            step = Math.Pow(value, power) - 1;
        }
        else
        {
            var value = 2 * (1 - u) + 2 * (u - 0.5) * Math.Pow(x, MutationIndex + 1);
            step = 1 - Math.Pow(value, power);
        }

        return Math.Clamp(x + step, 0, 1);
    }

    /// <summary>SBX's spread factor for the uniform draw <paramref name="u"/> when the nearer bound is
    /// <paramref name="beta"/> half-gaps away.</summary>
    private static double Spread(double u, double beta)
    {
        var alpha = 2 - Math.Pow(beta, -(CrossoverIndex + 1));
        var power = 1 / (CrossoverIndex + 1);
        return u <= 1 / alpha ? Math.Pow(u * alpha, power) : Math.Pow(1 / (2 - u * alpha), power);
    }
}
