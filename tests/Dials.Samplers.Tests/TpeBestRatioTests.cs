using static Dials.Samplers.Tests.SamplerHarness;

namespace Dials.Samplers.Tests;

/// <summary>
/// <see cref="BestRatioSearch"/>: summing the bad density newest kernels first and stopping at candidates that cannot
/// win leaves the winner, and every candidate that could have won, with the very value a full sum gives.
/// </summary>
public sealed class TpeBestRatioTests
{
    [Theory]
    [InlineData(10, 1000, 1)]
    [InlineData(10, 1000, 2)]
    [InlineData(4, 600, 3)]
    [InlineData(6, 300, 4)]
    [InlineData(3, 100, 5)] // below the smallest density it searches: a plain full sum
    public void Candidates_that_could_win_keep_the_full_sum_and_the_others_cannot_win(int dimensions, int observations, int seed)
    {
        var group = Enumerable.Range(0, dimensions).Select(i => new GroupDimension(i, Dimension.Float($"x{i}", 0, 1))).ToArray();
        var random = new Random(seed);

        // A converging study's bad density: old observations spread out, newer ones gathering near the optimum,
        // where the candidates are drawn.
        var rows = Enumerable.Range(0, observations).Select(n =>
        {
            var spread = 1.0 - 0.9 * n / observations;
            return Enumerable.Range(0, dimensions).Select(_ => Math.Clamp(0.3 + spread * (random.NextDouble() - 0.5), 0, 1)).ToArray();
        }).ToList();
        var settings = new ParzenSettings(1.0, true, false, observations + 25);
        var bad = ParzenEstimator.Fit(group, rows, [.. rows.Select((_, n) => 0.2 + n / (double)observations)], settings);
        var good = ParzenEstimator.Fit(group, [.. rows.TakeLast(25)], [.. Enumerable.Repeat(1.0, 25)], settings);
        const int count = 24;
        var points = good.UnitPoints(good.Sample(new TrialRandom(seed, 7), count), count);
        var logGood = good.LogDensityAt(points, count);

        var full = bad.LogDensityAt(points, count);
        var searched = BestRatioSearch.LogBad(bad, points, count, dimensions, logGood);

        var best = Enumerable.Range(0, count).Max(c => logGood[c] - full[c]);
        Assert.Equal(ArgMax(logGood, full), ArgMax(logGood, searched));
        for (var c = 0; c < count; c++)
        {
            if (double.IsPositiveInfinity(searched[c]))
            {
                Assert.True(logGood[c] - full[c] < best, $"candidate {c} was left out but scores {logGood[c] - full[c]:R}, the best {best:R}");
            }
            else
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(full[c]), BitConverter.DoubleToInt64Bits(searched[c]));
            }
        }

        if (observations >= 1000)
        {
            Assert.True(searched.Count(double.IsPositiveInfinity) >= count / 2, "most candidates should be left out of a long study's full sum");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_study_proposes_the_same_points_with_and_without_the_search(bool multivariate)
    {
        var space = UnitCube(6);
        var searching = new TpeSampler(seed: 8, multivariate: multivariate);
        var summing = new TpeSampler(seed: 8, multivariate: multivariate) { SearchesBestRatio = false };
        var trials = new List<TrialRecord>();
        for (var n = 0; n < 400; n++)
        {
            var context = new SamplingContext(space, Direction.Minimize, trials, n);
            var proposed = searching.Sample(context);
            Assert.Equal(summing.Sample(context), proposed);
            trials.Add(Complete(n, proposed, proposed.Sum(v => (v - 0.3) * (v - 0.3))));
        }
    }

    private static int ArgMax(double[] logGood, double[] logBad)
    {
        var best = 0;
        for (var c = 1; c < logGood.Length; c++)
        {
            if (logGood[c] - logBad[c] > logGood[best] - logBad[best])
            {
                best = c;
            }
        }

        return best;
    }
}
