using Dials.MultiObjective;

namespace Dials.Samplers.Tests.MultiObjective;

public sealed class HypervolumeTests
{
    private static Direction[] Minimize(int objectives) => [.. Enumerable.Repeat(Direction.Minimize, objectives)];

    private static double[][] RandomPoints(Random random, int count, int objectives, int levels) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, objectives).Select(_ => random.Next(levels) / (double)levels).ToArray())];

    /// <summary>Points spread over the simplex u + v (+ w) + ... = 1, none dominating another, built by integer
    /// steps that the Python script giving the Optuna figures repeats operation for operation.</summary>
    private static double[][] SimplexPoints(int count, int objectives) =>
        [.. Enumerable.Range(1, count).Select(i =>
        {
            double u = i * 37 % 211 / 211.0, v = i * 53 % 211 / 211.0, w = i * 71 % 211 / 211.0;
            return objectives == 3
                ? new[] { u, v * (1 - u), (1 - v) * (1 - u) }
                : [u, v * (1 - u), w * (1 - v) * (1 - u), (1 - w) * (1 - v) * (1 - u)];
        })];

    [Fact]
    public void Two_dimensional_staircase_by_hand()
    {
        // Three steps of areas 3, 2 and 1; [3, 3] is dominated, [5, 0] lies beyond the reference, [4, 0.5] on its
        // boundary: neither adds anything.
        double[][] points = [[1, 3], [2, 2], [3, 1], [3, 3], [5, 0], [4, 0.5]];

        Assert.Equal(6, Hypervolume.Compute(points, [4, 4], Minimize(2)), 1e-12);
    }

    [Fact]
    public void Three_and_four_dimensional_sets_by_hand()
    {
        Assert.Equal(6, Hypervolume.Compute([[1, 1, 1]], [2, 3, 4], Minimize(3)), 1e-12);

        // Boxes of 4 and 2 meeting in a unit cube.
        Assert.Equal(5, Hypervolume.Compute([[0, 0, 1], [1, 1, 0]], [2, 2, 2], Minimize(3)), 1e-12);

        // Four boxes [0, 2] x [1, 2]^3 (in turn along each axis) share [1, 2]^4 and each add a unit slab.
        double[][] corners = [[0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 0, 1], [1, 1, 1, 0]];
        Assert.Equal(5, Hypervolume.Compute(corners, [2, 2, 2, 2], Minimize(4)), 1e-12);
    }

    [Fact]
    public void Maximised_objectives_measure_against_a_lower_reference()
    {
        double[][] points = [[1, 3], [2, 2], [3, 1]];
        double[][] mirrored = [.. points.Select(p => new[] { -p[0], p[1] })];

        Assert.Equal(6, Hypervolume.Compute(mirrored, [-4, 4], [Direction.Maximize, Direction.Minimize]), 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Matches_inclusion_exclusion_on_small_random_sets(int objectives)
    {
        var random = new Random(objectives);
        for (var round = 0; round < 60; round++)
        {
            // Few levels for ties, repeats and dominated points; some coordinates reach or pass the reference's 0.8.
            var points = RandomPoints(random, random.Next(0, 11), objectives, random.Next(3, 12));
            var directions = Enumerable.Range(0, objectives)
                .Select(_ => random.Next(2) == 0 ? Direction.Minimize : Direction.Maximize).ToArray();
            double[][] values = [.. points.Select(p => p.Select((v, j) => directions[j] == Direction.Maximize ? -v : v).ToArray())];
            double[] reference = [.. directions.Select(d => d == Direction.Maximize ? -0.8 : 0.8)];

            Assert.Equal(BruteForce.Hypervolume(values, reference, directions),
                Hypervolume.Compute(values, reference, directions), 1e-12);
        }
    }

    [Theory]
    [InlineData(3, 300)]
    [InlineData(4, 80)]
    [InlineData(5, 40)]
    public void Matches_slicing_along_the_last_objective_on_larger_random_sets(int objectives, int count)
    {
        var random = new Random(10 * objectives);
        for (var round = 0; round < 5; round++)
        {
            // Points near the simplex, so most are on the front and the front's shape matters.
            var points = Enumerable.Range(0, count).Select(_ =>
            {
                var raw = Enumerable.Range(0, objectives).Select(_ => random.NextDouble()).ToArray();
                var sum = raw.Sum() * (0.9 + 0.2 * random.NextDouble());
                return raw.Select(v => v / sum).ToArray();
            }).ToArray();
            double[] reference = [.. Enumerable.Repeat(1.0, objectives)];

            var expected = BruteForce.Sliced(points, reference);
            Assert.Equal(expected, Hypervolume.Compute(points, reference, Minimize(objectives)), 1e-12 * expected);
        }
    }

    [Fact]
    public void Does_not_depend_on_the_order_of_the_points()
    {
        var random = new Random(5);
        foreach (var objectives in new[] { 2, 3, 4, 5 })
        {
            var points = RandomPoints(random, 30, objectives, 20);
            var expected = Hypervolume.Compute(points, Enumerable.Repeat(1.0, objectives).ToArray(), Minimize(objectives));
            for (var round = 0; round < 5; round++)
            {
                var shuffled = points.OrderBy(_ => random.Next()).ToArray();

                Assert.Equal(expected,
                    Hypervolume.Compute(shuffled, Enumerable.Repeat(1.0, objectives).ToArray(), Minimize(objectives)), 1e-12);
            }
        }
    }

    [Fact]
    public void Points_that_do_not_dominate_the_reference_add_nothing()
    {
        double[][] points = [[0.2, 0.5, 0.4, 0.1], [0.6, 0.1, 0.3, 0.3]];
        var reference = new double[] { 1, 1, 1, 1 };
        var expected = Hypervolume.Compute(points, reference, Minimize(4));

        double[][] more = [.. points, [0, 0, 0, 1], [1.5, 0, 0, 0], [0, 0, 2, 0], [1, 1, 1, 1]];

        Assert.Equal(expected, Hypervolume.Compute(more, reference, Minimize(4)), 1e-14);
        Assert.Equal(0, Hypervolume.Compute(more[2..], reference, Minimize(4)));
        Assert.Equal(0, Hypervolume.Compute([], reference, Minimize(4)));
    }

    /// <summary>Expected values from Optuna 5's <c>optuna._hypervolume.compute_hypervolume</c> on the same points,
    /// reference all ones (the sets were drawn with NumPy's default_rng(16), rounded to 3 decimals; the script is
    /// in docs/multi-objective.md).</summary>
    [Fact]
    public void Matches_Optunas_hypervolume_on_fixed_sets()
    {
        double[][] three = [[0.567, 0.431, 0.094], [0.348, 0.622, 0.022], [0.875, 0.854, 0.044], [0.802, 0.185, 0.696], [0.155, 0.692, 0.959], [0.985, 0.663, 0.164], [0.395, 0.278, 0.956], [0.299, 0.561, 0.407], [0.139, 0.385, 0.769], [0.414, 0.679, 0.582], [0.077, 0.730, 0.674], [0.802, 0.149, 0.974]];
        double[][] four = [[0.868, 0.903, 0.962, 0.621], [0.371, 0.058, 0.699, 0.632], [0.649, 0.007, 0.946, 0.387], [0.070, 0.989, 0.736, 0.523], [0.765, 0.803, 0.667, 0.351], [0.319, 0.670, 0.144, 0.201], [0.197, 0.460, 0.614, 0.503], [0.770, 0.956, 0.089, 0.161], [0.757, 0.353, 0.654, 0.076], [0.141, 0.879, 0.434, 0.123]];
        double[][] five = [[0.925, 0.230, 0.081, 0.538, 0.576], [0.083, 0.677, 0.301, 0.992, 0.346], [0.716, 0.627, 0.587, 0.057, 0.808], [0.320, 0.538, 0.852, 0.667, 0.222], [0.987, 0.798, 0.515, 0.747, 0.306], [0.345, 0.437, 0.303, 0.326, 0.664], [0.474, 0.279, 0.621, 0.403, 0.476], [0.697, 0.627, 0.986, 0.326, 0.602], [0.820, 0.325, 0.355, 0.519, 0.934]];
        double[][] six = [[0.058, 0.632, 0.453, 0.712, 0.940, 0.025], [0.844, 0.989, 0.354, 0.727, 0.953, 0.515], [0.328, 0.997, 0.436, 0.351, 0.704, 0.495], [0.063, 0.055, 0.562, 0.436, 0.652, 0.282], [0.639, 0.915, 0.072, 0.266, 0.881, 0.683], [0.146, 0.604, 0.724, 0.513, 0.451, 0.006], [0.171, 0.794, 0.476, 0.399, 0.943, 0.155], [0.021, 0.369, 0.079, 0.180, 0.736, 0.097]];

        Assert.Equal(0.39923407, Hypervolume.Compute(three, [1, 1, 1], Minimize(3)), 1e-12);
        Assert.Equal(0.251868779056, Hypervolume.Compute(four, [1, 1, 1, 1], Minimize(4)), 1e-12);
        Assert.Equal(0.09268818442503199, Hypervolume.Compute(five, [1, 1, 1, 1, 1], Minimize(5)), 1e-12);
        Assert.Equal(0.1495535071453967, Hypervolume.Compute(six, [1, 1, 1, 1, 1, 1], Minimize(6)), 1e-12);

        // Larger fronts, all points mutually non-dominated.
        Assert.Equal(0.7873975544370323, Hypervolume.Compute(SimplexPoints(200, 3), [1, 1, 1], Minimize(3)), 1e-12);
        Assert.Equal(0.812419138102393, Hypervolume.Compute(SimplexPoints(60, 4), [1, 1, 1, 1], Minimize(4)), 1e-12);
    }

    [Fact]
    public void Contributions_of_a_staircase_by_hand()
    {
        // Each step owns a unit square; the repeated point and the dominated one own nothing, and the copy of [2, 2]
        // takes the middle step's contribution from both copies.
        double[][] points = [[1, 3], [2, 2], [3, 1], [3, 3], [2, 2]];

        Assert.Equal([1.0, 0, 1, 0, 0], Hypervolume.Contributions(points, [4, 4], Minimize(2)).Select(c => Math.Round(c, 12)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Contributions_are_what_removing_each_point_costs(int objectives)
    {
        var random = new Random(50 + objectives);
        for (var round = 0; round < 20; round++)
        {
            var points = RandomPoints(random, random.Next(1, 25), objectives, 8);
            var reference = Enumerable.Repeat(0.9, objectives).ToArray();
            var total = Hypervolume.Compute(points, reference, Minimize(objectives));

            var contributions = Hypervolume.Contributions(points, reference, Minimize(objectives));

            for (var i = 0; i < points.Length; i++)
            {
                double[][] others = [.. points.Where((_, k) => k != i)];
                Assert.Equal(total - Hypervolume.Compute(others, reference, Minimize(objectives)), contributions[i], 1e-12);
            }
        }
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Hypervolume.Compute([[1, 2]], [double.PositiveInfinity, 3], Minimize(2)));
        Assert.Throws<ArgumentException>(() => Hypervolume.Compute([[1, 2]], [3, 3, 3], Minimize(2)));
        Assert.Throws<ArgumentException>(() => Hypervolume.Contributions([[double.NegativeInfinity, 2]], [3, 3], Minimize(2)));
        Assert.Equal(double.PositiveInfinity, Hypervolume.Compute([[double.NegativeInfinity, 2]], [3, 3], Minimize(2)));
    }

    [Fact]
    public void Reference_from_the_nadir_moves_outwards_by_the_margin()
    {
        double[][] values = [[2, -5, 0, 3], [4, -10, 0, 1]];
        Direction[] directions = [Direction.Minimize, Direction.Maximize, Direction.Minimize, Direction.Maximize];

        // 4 -> 4.4; the worst of a maximised objective, -10, -> -11; all zeros -> 0.1; maximised 1 -> 0.9.
        var reference = ReferencePoint.FromNadir(values, directions);

        Assert.Equal([4.4, -11, 0.1, 0.9], reference.Select(r => Math.Round(r, 12)));
        Assert.Equal([1.5], ReferencePoint.FromNadir([[-2.0], [0.0]], [Direction.Minimize], 0.75));
        Assert.Throws<ArgumentException>(() => ReferencePoint.FromNadir([], directions));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReferencePoint.FromNadir(values, directions, 0));
    }
}
