namespace Dials.Samplers.Gp;

/// <summary>
/// log EI for maximisation: the log of E[max(0, f - best)] with f ~ N(mean, sigma²), and its derivatives by mean and
/// sigma. Computed in the log domain throughout (Ament et al., 2023, "Unexpected improvements to expected
/// improvement"), so that far from the incumbent, where plain EI underflows to 0 and its gradient vanishes, the
/// acquisition still ranks candidates and still has a slope to climb.
/// </summary>
internal static class LogExpectedImprovement
{
    private const double LogSqrtTwoPi = 0.91893853320467274178;
    private const double SqrtHalfPi = 1.2533141373155002512;
    private const double InvSqrtTwo = 0.70710678118654752440;

    /// <summary>log EI at a posterior (mean, sigma) against <paramref name="best"/>; also d logEI / d mean and
    /// d logEI / d sigma.</summary>
    public static double Value(double mean, double sigma, double best, out double dMean, out double dSigma)
    {
        var z = (mean - best) / sigma;
        var logH = LogH(z, out var logPhiOverH, out var logCdfOverH);

        // EI = sigma h(z) with h(z) = φ(z) + z Φ(z), h'(z) = Φ(z); so d log EI / d mean = Φ/(h sigma) and
        // d log EI / d sigma = (h - z Φ)/(h sigma) = φ/(h sigma).
        dMean = Math.Exp(logCdfOverH) / sigma;
        dSigma = Math.Exp(logPhiOverH) / sigma;
        return logH + Math.Log(sigma);
    }

    /// <summary>log h(z), h(z) = φ(z) + z Φ(z) the expected improvement of a standard normal over -z; also
    /// log(φ(z)/h(z)) and log(Φ(z)/h(z)).</summary>
    public static double LogH(double z, out double logPhiOverH, out double logCdfOverH)
    {
        var logPhi = -0.5 * z * z - LogSqrtTwoPi;

        // Mills ratio m(z) = Φ(z)/φ(z) = √(π/2) erfcx(-z/√2), finite for every z ≤ 0.
        double logH, logCdf;
        if (z > -1)
        {
            var cdf = 0.5 * ErrorFunction.Erfc(-z * InvSqrtTwo);
            logH = Math.Log(Math.Exp(logPhi) + z * cdf);
            logCdf = Math.Log(cdf);
        }
        else
        {
            var mills = SqrtHalfPi * ErrorFunction.Erfcx(-z * InvSqrtTwo);
            logCdf = logPhi + Math.Log(mills);

            // h/φ = 1 + z m(z), a difference of nearly equal numbers for z ≪ 0: as log(1 - e^a) with a = log(-z m)
            // down to z = -30, and by its asymptotic series 1/z² - 3/z⁴ + 15/z⁶ - 105/z⁸ beyond.
            double logRatio;
            if (z > -30)
            {
                logRatio = Log1MinusExp(Math.Log(-z) + Math.Log(mills));
            }
            else
            {
                var w = 1 / (z * z);
                logRatio = Math.Log(w * (1 - w * (3 - w * (15 - 105 * w))));
            }

            logH = logPhi + logRatio;
        }

        logPhiOverH = logPhi - logH;
        logCdfOverH = logCdf - logH;
        return logH;
    }

    /// <summary>log(1 - e^a) for a &lt; 0, accurate for a near 0 and for a very negative (Mächler, 2012).</summary>
    private static double Log1MinusExp(double a) =>
        a > -0.69314718055994530942 ? Math.Log(-ExpMinusOne(a)) : Math.Log(1 - Math.Exp(a));

    /// <summary>e^a - 1 without the cancellation of the plain difference for small a (.NET's ExpM1 is that difference).</summary>
    private static double ExpMinusOne(double a) =>
        Math.Abs(a) < 1e-3 ? a * (1 + a * (0.5 + a * (1.0 / 6 + a * (1.0 / 24 + a / 120)))) : Math.Exp(a) - 1;
}
