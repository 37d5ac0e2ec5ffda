namespace Dials.Samplers;

/// <summary>The standard normal distribution's functions that .NET's <see cref="Math"/> lacks.</summary>
internal static class NormalDistribution
{
    /// <summary>log(sqrt(2 pi)).</summary>
    public const double LogSqrtTwoPi = 0.91893853320467274178;

    /// <summary>P(Z &lt;= z) for a standard normal Z, accurate in both tails (relative error below about 1.2e-7).</summary>
    public static double Cdf(double z) => z >= 0 ? 1 - 0.5 * Erfc(z / Math.Sqrt(2)) : 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>P(a &lt;= Z &lt;= b), computed on the side of the mean where the difference loses least precision.</summary>
    public static double Mass(double a, double b)
    {
        if (a >= 0)
        {
            // Both upper tail: subtract upper-tail probabilities, which are small and precise.
            return 0.5 * (Erfc(a / Math.Sqrt(2)) - Erfc(b / Math.Sqrt(2)));
        }

        if (b <= 0)
        {
            return 0.5 * (Erfc(-b / Math.Sqrt(2)) - Erfc(-a / Math.Sqrt(2)));
        }

        return 1 - 0.5 * (Erfc(-a / Math.Sqrt(2)) + Erfc(b / Math.Sqrt(2)));
    }

    /// <summary>The complementary error function, by the Chebyshev fit of Press et al. (fractional error below
    /// 1.2e-7 everywhere), which keeps relative precision far into the tail where 1 - erf would not.</summary>
    public static double Erfc(double x)
    {
        // Beyond 27 the result underflows a double; returning early also keeps exp off the slow underflow path.
        if (x > 27)
        {
            return 0;
        }

        if (x < -27)
        {
            return 2;
        }

        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        var r = t * Math.Exp(poly);
        return x >= 0 ? r : 2 - r;
    }
}
