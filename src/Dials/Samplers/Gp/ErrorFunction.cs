namespace Dials.Samplers.Gp;

/// <summary>
/// The complementary error function and its scaled form erfcx(x) = exp(x²) erfc(x) to near double precision, which
/// log expected improvement needs far into the tail (the TPE's <see cref="NormalDistribution"/> settles for 1e-7).
/// </summary>
/// <remarks>
/// Below <see cref="SeriesLimit"/> erf comes from its series in positive terms, erf(x) = 2/√π e^(-x²) Σ 2ⁿ x^(2n+1) /
/// (1·3·…·(2n+1)), which has no cancellation; above it erfcx comes from the continued fraction
/// erfcx(x) = (1/√π) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + …)))), evaluated by the modified Lentz method, which
/// converges quickly there.
/// </remarks>
internal static class ErrorFunction
{
    private const double SeriesLimit = 2.5;
    private const double InvSqrtPi = 0.56418958354775628695;

    /// <summary>erfc(x) for any x.</summary>
    public static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        return x < SeriesLimit ? 1 - Erf(x) : x > 27 ? 0 : Math.Exp(-x * x) * ErfcxByContinuedFraction(x);
    }

    /// <summary>exp(x²) erfc(x) for x ≥ 0 (finite and about 1/(x√π) for large x).</summary>
    public static double Erfcx(double x)
    {
        if (x < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "erfcx is only needed for x >= 0 here.");
        }

        return x < SeriesLimit ? Math.Exp(x * x) * (1 - Erf(x)) : ErfcxByContinuedFraction(x);
    }

    /// <summary>erf(x) for 0 ≤ x &lt; <see cref="SeriesLimit"/>, by its series in positive terms.</summary>
    private static double Erf(double x)
    {
        var x2 = x * x;
        var term = x;
        var sum = x;
        for (var n = 1; n < 200; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum)
            {
                break;
            }
        }

        return 2 * InvSqrtPi * Math.Exp(-x2) * sum;
    }

    private static double ErfcxByContinuedFraction(double x)
    {
        // erfcx(x) = (1/√π) / (x + a1 / (x + a2 / (x + …))) with a_k = k / 2: a continued fraction b0 + a1/(b1 + …)
        // with every b = x, evaluated by the modified Lentz method.
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var k = 1; k < 500; k++)
        {
            var a = k * 0.5;
            d = x + a * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = x + a / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return InvSqrtPi / f;
    }
}
