using Dials.Simulation;
using static Dials.Samplers.Tests.SamplerHarness;

namespace Dials.Samplers.Tests;

/// <summary>
/// The TPE sampler's fast paths against plain computations of the same maths: the vectorised mixture density
/// against a kernel-by-kernel sum, and the standing orders kept across proposals (observations by coordinate,
/// complete trials by value) against sorting afresh.
/// </summary>
public sealed class TpeFastPathTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 40)]
    [InlineData(5, 300)]
    [InlineData(10, 1000)]
    public void The_log_density_equals_the_plain_sum_over_kernels(int dimensions, int observations)
    {
        var group = Enumerable.Range(0, dimensions)
            .Select(i => new GroupDimension(i, i % 3 == 2 ? Dimension.Float($"x{i}", 1e-4, 1, log: true) : Dimension.Float($"x{i}", -1, 2)))
            .ToArray();
        var random = new Random(observations + dimensions);

        // Clustered observations, some against the bounds, as a converging study leaves them: kernels at the width
        // floor far from the ends, kernels near an end (truncated) and isolated wide kernels all occur.
        var rows = new List<double[]>();
        for (var n = 0; n < observations; n++)
        {
            rows.Add([.. Enumerable.Range(0, dimensions).Select(_ => random.NextDouble() switch
            {
                < 0.6 => Math.Clamp(0.3 + 0.02 * (random.NextDouble() - 0.5), 0, 1),
                < 0.7 => random.NextDouble() * 0.01,
                _ => random.NextDouble(),
            })]);
        }

        var weights = rows.Select(_ => 0.1 + random.NextDouble()).ToArray();
        var settings = new ParzenSettings(1.0, true, false, 2 * observations + 1);
        var estimator = ParzenEstimator.Fit(group, rows, weights, settings);
        const int count = 48;
        var candidates = estimator.Sample(new TrialRandom(observations, 1), count);

        var fast = estimator.LogDensity(candidates, count);

        for (var c = 0; c < count; c++)
        {
            var plain = PlainLogDensity(estimator, group, candidates.AsSpan(c * dimensions, dimensions));
            Assert.True(Math.Abs(fast[c] - plain) <= 1e-12 * Math.Max(1, Math.Abs(plain)),
                $"candidate {c}: {fast[c]:R} against {plain:R}");
        }

        for (var j = 0; j < dimensions; j++)
        {
            for (var k = 0; k < estimator.Kernels; k++)
            {
                var (_, centre, width, logNormalizer) = estimator.Kernel(j, k);
                Assert.Equal(PlainLogNormalizer(centre, width), logNormalizer, 1e-12);
            }
        }
    }

    [Fact]
    public void The_kernel_memo_returns_bit_for_bit_what_fitting_the_kernel_computes()
    {
        // Far more kernels than the table has slots, so keys collide and overwrite each other: a slot must never
        // answer for another key. Centres near the ends (truncated kernels), widths at and above two floors.
        var memo = new ParzenKernelMemo();
        var random = new Random(12);
        var kernels = Enumerable.Range(0, 30_000).Select(i =>
        {
            var minimum = i % 2 == 0 ? 0.01 : 1.0 / 7;
            var centre = i % 5 == 0 ? random.NextDouble() * 0.05 : random.NextDouble();
            var width = i % 3 == 0 ? minimum : Math.Clamp(random.NextDouble() * 0.3, minimum, 1);
            return (Centre: centre, Width: width, Minimum: minimum);
        }).ToList();
        kernels.AddRange(kernels.Take(5_000)); // repeats, some still in the table, some overwritten since

        foreach (var (centre, width, minimum) in kernels)
        {
            var expected = Fitted(centre, width, minimum);
            var first = memo.Get(centre, width, 1 / width, minimum, Math.Log(minimum));
            var again = memo.Get(centre, width, 1 / width, minimum, Math.Log(minimum));

            Assert.Equal(Bits(expected), Bits(first));
            Assert.Equal(Bits(expected), Bits(again));
        }

        // The same centre and width under another floor is another kernel (its normalizer takes the floor's log).
        var atFloor = memo.Get(0.5, 0.01, 100, 0.01, Math.Log(0.01));
        var aboveFloor = memo.Get(0.5, 0.01, 100, 0.005, Math.Log(0.005));
        Assert.Equal(Bits(Fitted(0.5, 0.01, 0.005)), Bits(aboveFloor));
        Assert.Equal(Bits(Fitted(0.5, 0.01, 0.01)), Bits(atFloor));

        static (long, long) Bits((double LogMass, double LogNormalizer) value) =>
            (BitConverter.DoubleToInt64Bits(value.LogMass), BitConverter.DoubleToInt64Bits(value.LogNormalizer));
    }

    // A kernel's log truncated mass and log normalizer as fitting computes them without the memo.
    private static (double LogMass, double LogNormalizer) Fitted(double centre, double width, double minimum)
    {
        var inverse = 1 / width;
        var (lower, upper) = (-centre * inverse, (1 - centre) * inverse);
        var logMass = lower < -6 && upper > 6 ? 0 : Math.Log(NormalDistribution.Mass(lower, upper));
        return (logMass, -(width == minimum ? Math.Log(minimum) : Math.Log(width)) - NormalDistribution.LogSqrtTwoPi - logMass);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Standing_orders_propose_exactly_what_sorting_afresh_proposes(bool multivariate)
    {
        // The same history twice: numbered in order (standing orders used) and under shuffled numbers (the sampler
        // cannot keep orders by number, so it sorts afresh). Continuous values leave no ties to break differently.
        var space = TestFunction.PointSpace(
        [
            Dimension.Float("a", -3, 3),
            Dimension.Float("b", 1e-4, 1, log: true),
            Dimension.Categorical("kind", ["x", "y"]),
            Dimension.Float("when_y", 0, 1, condition: new DimensionCondition("kind", [1])),
            Dimension.Float("c", 0, 10),
        ]);
        var history = Mixed(Run(space, new TpeSampler(seed: 8, multivariate: multivariate), Objective, 150));

        // One sampler keeps its orders across a growing study and across another study's trials under the same
        // numbers; every proposal must match a fresh sampler that sorted the shuffled history.
        var kept = new TpeSampler(seed: 4, multivariate: multivariate);
        var other = Mixed(Run(space, new TpeSampler(seed: 9, multivariate: multivariate), Objective, 150));
        foreach (var (trials, size) in new[] { (history, 60), (history, 61), (history, 150), (other, 150), (history, 150) })
        {
            var prefix = trials.Take(size).ToList();
            var proposed = kept.Sample(new SamplingContext(space, Direction.Minimize, prefix, size));
            var sorted = new TpeSampler(seed: 4, multivariate: multivariate)
                .Sample(new SamplingContext(space, Direction.Minimize, Shuffled(prefix), size));

            Assert.Equal(sorted, proposed);
        }

        static double Objective(double[] x) => Math.Abs(x[0] - 1) + Math.Abs(Math.Log10(x[1]) + 2) + x[2]
            + (double.IsNaN(x[3]) ? 0.5 : x[3]) + Math.Abs(x[4] - 7);
    }

    [Fact]
    public void Equal_values_rank_and_equal_coordinates_order_by_trial_number()
    {
        var space = TestFunction.PointSpace([Dimension.Float("x", 0, 1)]);
        List<TrialRecord> trials = [Complete(0, [0.3], 2), Complete(1, [0.4], 1), Complete(2, [0.3], 2), Complete(3, [0.1], 1)];
        var context = new SamplingContext(space, Direction.Minimize, trials, 4);

        var history = TpeHistory.From(context, constantLiar: true, new());
        var (below, above) = history.ObservationOrders([new GroupDimension(0, space.Dimensions[0])], [1, 1, 1, -1], 1,
            [0, 1, 2, 0], belowCount: 3, aboveCount: 1);

        Assert.Equal([1, 3, 0, 2], history.Ranked);
        Assert.Equal([0, 2, 1], below![0]![..3]);
        Assert.Equal([0], above![0]![..1]);
    }

    // Every fifth trial pruned at a step of its own, every seventh still running: all three ranking classes occur.
    private static List<TrialRecord> Mixed(IReadOnlyList<TrialRecord> trials) =>
    [
        .. trials.Select(t => t.Number % 5 == 4
            ? t with { State = TrialState.Pruned, Intermediate = [new IntermediateValue(t.Number % 3, t.Value!.Value)], Value = null }
            : t.Number % 7 == 6 ? t with { State = TrialState.Running, Value = null, Duration = null } : t),
    ];

    // The same records in the same places, numbered 1,000 and up in a scrambled order.
    private static List<TrialRecord> Shuffled(List<TrialRecord> trials) =>
        [.. trials.Select((t, i) => t with { Number = 1000 + (i * 37 % trials.Count) })];

    // log sum_k w_k prod_j N(u_j; centre, width) / mass, summed kernel by kernel in plain arithmetic.
    private static double PlainLogDensity(ParzenEstimator estimator, GroupDimension[] group, ReadOnlySpan<double> candidate)
    {
        var terms = new double[estimator.Kernels];
        for (var k = 0; k < terms.Length; k++)
        {
            terms[k] = estimator.Kernel(0, k).LogWeight;
            for (var j = 0; j < group.Length; j++)
            {
                var (_, centre, width, logNormalizer) = estimator.Kernel(j, k);
                var z = (group[j].Dimension.ToUnit(candidate[j]) - centre) / width;
                terms[k] += logNormalizer - 0.5 * z * z;
            }
        }

        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    // -log(width * sqrt(2 pi)) minus the log of the mass the unit interval keeps, which is taken as 1 for a kernel
    // more than six widths from both ends (it then misses by under 1e-9).
    private static double PlainLogNormalizer(double centre, double width)
    {
        var (lower, upper) = (-centre / width, (1 - centre) / width);
        var logMass = lower < -6 && upper > 6 ? 0 : Math.Log(NormalDistribution.Mass(lower, upper));
        return -Math.Log(width) - NormalDistribution.LogSqrtTwoPi - logMass;
    }
}
