using static Dials.Samplers.Tests.SamplerHarness;

namespace Dials.Samplers.Tests;

public sealed class QmcSamplerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sobol_fills_every_one_dimensional_stratum_in_every_dimension(bool scramble)
    {
        var space = UnitCube(41);

        var points = Points(new QmcSampler(QmcSequenceKind.Sobol, scramble, seed: 1), space, 64);

        for (var d = 0; d < 41; d++)
        {
            Assert.Equal(64, points.Select(p => (int)(p[d] * 64)).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sobol_fills_every_square_of_an_8_by_8_grid_in_its_first_two_dimensions(bool scramble)
    {
        var points = Points(new QmcSampler(QmcSequenceKind.Sobol, scramble, seed: 2), UnitCube(2), 64);

        Assert.Equal(64, points.Select(p => ((int)(p[0] * 8), (int)(p[1] * 8))).Distinct().Count());
    }

    [Fact]
    public void Plain_sobol_starts_with_the_known_points()
    {
        var points = Points(new QmcSampler(QmcSequenceKind.Sobol, scramble: false), UnitCube(3), 4);

        // Point n is the XOR of the direction numbers of n's bits (natural order, not Gray-code order): the first
        // dimension is van der Corput, the second has direction numbers 1/2 and 3/4. Cell middles are 2^-33 off.
        Assert.Equal([0.0, 0.5, 0.25, 0.75], points.Select(p => Math.Round(p[0], 6)));
        Assert.Equal([0.0, 0.5, 0.75, 0.25], points.Select(p => Math.Round(p[1], 6)));
    }

    [Fact]
    public void Sobol_refuses_more_dimensions_than_its_table_and_names_the_alternative()
    {
        var sampler = new QmcSampler(QmcSequenceKind.Sobol, seed: 1);
        var space = UnitCube(42);

        var error = Assert.Throws<ArgumentException>(() => sampler.Sample(new SamplingContext(space, Direction.Minimize, [], 0)));

        Assert.Contains("Halton", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Halton_fills_every_stratum_of_its_bases(bool scramble)
    {
        var points = Points(new QmcSampler(QmcSequenceKind.Halton, scramble, seed: 3), UnitCube(60), 243);

        // Plain Halton points sit exactly on stratum edges, so allow for the rounding of their sums.
        static int Stratum(double x, int count) => (int)Math.Floor(x * count + 1e-9);
        Assert.Equal(128, points.Take(128).Select(p => Stratum(p[0], 128)).Distinct().Count());
        Assert.Equal(243, points.Select(p => Stratum(p[1], 243)).Distinct().Count());
        Assert.Equal(25, points.Take(25).Select(p => Stratum(p[2], 25)).Distinct().Count());
        Assert.All(points, p => Assert.All(p, x => Assert.InRange(x, 0, 1)));
    }

    [Fact]
    public void Scrambling_moves_the_points()
    {
        var space = UnitCube(4);

        var plain = Points(new QmcSampler(QmcSequenceKind.Halton, scramble: false), space, 8);
        var scrambled = Points(new QmcSampler(QmcSequenceKind.Halton, scramble: true, seed: 1), space, 8);

        Assert.Equal(0.0, plain[0][0]);
        Assert.NotEqual(plain, scrambled);
    }
}
