using Dials.Samplers.Gp;

namespace Dials.Samplers.Tests.Gp;

/// <summary>log Φ and its slope against SciPy (scipy.special.log_ndtr, and φ(z)/ndtr(z); at -40, where ndtr underflows,
/// mpmath's npdf/ncdf at 40 digits), deep in both tails where Φ itself underflows or rounds to 1.</summary>
public sealed class LogNormalCdfTests
{
    [Theory]
    [InlineData(-40, -804.6084420137539, 40.02496884720726)]
    [InlineData(-10, -53.23128515051248, 10.098093233962588)]
    [InlineData(-1, -1.841021645009264, 1.525135276160981)]
    [InlineData(-0.5, -1.175911761593619, 1.1410777703680646)]
    [InlineData(0, -0.6931471805599453, 0.7978845608028654)]
    [InlineData(3, -0.001350809964748193, 0.004437839042125665)]
    [InlineData(9, -1.1285884059538324e-19, 1.0279773571668917e-18)]
    public void Matches_scipy_in_both_tails(double z, double expected, double expectedSlope)
    {
        var value = LogNormalCdf.Value(z, out var slope);

        Assert.Equal(expected, value, Math.Abs(expected) * 1e-12);
        Assert.Equal(expectedSlope, slope, expectedSlope * 1e-9);
    }
}
