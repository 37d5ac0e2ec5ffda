namespace Dials.Samplers.Gp;

/// <summary>
/// log Φ(z), the log of the standard normal distribution function, and its slope φ(z)/Φ(z), accurate far into the lower
/// tail, where Φ underflows long before its log is small: the log probability that a constraint is satisfied, for
/// candidates the model is nearly sure violate it, must still rank them and still have a slope to climb.
/// </summary>
internal static class LogNormalCdf
{
    private const double LogSqrtTwoPi = 0.91893853320467274178;
    private const double SqrtHalfPi = 1.2533141373155002512;
    private const double InvSqrtTwo = 0.70710678118654752440;

    /// <summary>log Φ(<paramref name="z"/>); also d log Φ / dz = φ(z)/Φ(z).</summary>
    public static double Value(double z, out double slope)
    {
        if (z > -1)
        {
            // Φ(z) = 1 - Φ(-z): for large z the complement keeps the tiny log exact instead of rounding Φ to 1.
            var upper = 0.5 * ErrorFunction.Erfc(z * InvSqrtTwo);
            var logCdf = upper < 1e-4 ? -upper * (1 + upper * (0.5 + upper / 3)) : Math.Log(1 - upper);
            slope = Math.Exp(-0.5 * z * z - LogSqrtTwoPi - logCdf);
            return logCdf;
        }

        // Below -1, Φ(z) = φ(z) m(z) with the Mills ratio m(z) = √(π/2) erfcx(-z/√2), finite however far the tail.
        var mills = SqrtHalfPi * ErrorFunction.Erfcx(-z * InvSqrtTwo);
        slope = 1 / mills;
        return -0.5 * z * z - LogSqrtTwoPi + Math.Log(mills);
    }
}
