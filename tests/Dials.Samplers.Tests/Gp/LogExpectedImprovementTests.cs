using Dials.Samplers.Gp;

namespace Dials.Samplers.Tests.Gp;

public class LogExpectedImprovementTests
{
    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.7, 0.016209541409225436)]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(6.0, 2.1519736712498913e-17)]
    [InlineData(-1.2, 1.9103139782296354)]
    public void Erfc_is_accurate_to_near_double_precision(double x, double expected) =>
        Assert.True(Math.Abs(ErrorFunction.Erfc(x) - expected) <= 1e-13 * expected, $"{ErrorFunction.Erfc(x)} vs {expected}");

    [Theory]
    [InlineData(1.0, 0.42758357615580705)]
    [InlineData(10.0, 0.05614099274382259)]
    [InlineData(100.0, 0.005641613782989433)]
    public void Erfcx_is_accurate_where_erfc_itself_underflows(double x, double expected) =>
        Assert.True(Math.Abs(ErrorFunction.Erfcx(x) - expected) <= 1e-13 * expected, $"{ErrorFunction.Erfcx(x)} vs {expected}");

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.0)]
    [InlineData(-0.9)]
    [InlineData(-3.0)]
    [InlineData(-7.5)]
    public void Log_ei_is_the_log_of_plain_ei_where_plain_ei_is_representable(double z)
    {
        // EI of N(z, 1) over 0: φ(z) + z Φ(z), computed plainly.
        var phi = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
        var plain = phi + z * 0.5 * ErrorFunction.Erfc(-z / Math.Sqrt(2));
        var log = LogExpectedImprovement.Value(z, 1, 0, out _, out _);
        Assert.Equal(Math.Log(plain), log, z < -5 ? 6 : 10);
    }

    [Fact]
    public void Log_ei_stays_finite_ordered_and_sloped_where_plain_ei_underflows_to_zero()
    {
        double[] zs = [-20, -38, -40, -60, -1e3, -1e5];
        var previous = double.PositiveInfinity;
        foreach (var z in zs)
        {
            var phi = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
            var value = LogExpectedImprovement.Value(z, 1, 0, out var dMean, out var dSigma);
            Assert.True(double.IsFinite(value) && value < previous, $"z = {z}: {value}");
            Assert.True(dMean > 0 && double.IsFinite(dMean) && dSigma > 0 && double.IsFinite(dSigma));
            previous = value;
            if (z <= -40)
            {
                Assert.Equal(0.0, phi + z * 0.5 * ErrorFunction.Erfc(-z / Math.Sqrt(2)));
            }
        }

        // Far below the incumbent, log EI ≈ -z²/2 - log √(2π) - 2 log|z|, and d/d mean ≈ -z.
        var far = LogExpectedImprovement.Value(-60, 1, 0, out var slope, out _);
        Assert.Equal(-1800 - 0.5 * Math.Log(2 * Math.PI) - 2 * Math.Log(60), far, 3);
        Assert.Equal(60, slope, 1);
    }

    [Theory]
    [InlineData(0.3, 0.8)]
    [InlineData(-2.0, 0.5)]
    [InlineData(-25.0, 0.3)]
    [InlineData(-70.0, 1.1)]
    public void Log_ei_derivatives_match_finite_differences(double mean, double sigma)
    {
        var value = LogExpectedImprovement.Value(mean, sigma, 0, out var dMean, out var dSigma);
        const double h = 1e-6;
        var byMean = (LogExpectedImprovement.Value(mean + h, sigma, 0, out _, out _) - LogExpectedImprovement.Value(mean - h, sigma, 0, out _, out _)) / (2 * h);
        var bySigma = (LogExpectedImprovement.Value(mean, sigma + h, 0, out _, out _) - LogExpectedImprovement.Value(mean, sigma - h, 0, out _, out _)) / (2 * h);
        Assert.True(double.IsFinite(value));
        Assert.Equal(byMean, dMean, 4 - (int)Math.Log10(Math.Max(1, Math.Abs(byMean))));
        Assert.Equal(bySigma, dSigma, 4 - (int)Math.Log10(Math.Max(1, Math.Abs(bySigma))));
    }
}
