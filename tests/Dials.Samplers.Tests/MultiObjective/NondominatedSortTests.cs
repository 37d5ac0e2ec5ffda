using Dials.MultiObjective;

namespace Dials.Samplers.Tests.MultiObjective;

public sealed class NondominatedSortTests
{
    private static readonly Direction[] Min2 = [Direction.Minimize, Direction.Minimize];

    /// <summary>Random points whose coordinates are small integers, so ties and repeated points are common; the
    /// directions are random too.</summary>
    private static (double[][] Values, Direction[] Directions) RandomSet(Random random, int count, int objectives, int levels)
    {
        var directions = Enumerable.Range(0, objectives)
            .Select(_ => random.Next(2) == 0 ? Direction.Minimize : Direction.Maximize).ToArray();
        var values = Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, objectives).Select(_ => (double)random.Next(levels)).ToArray())
            .ToArray();
        return (values, directions);
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(2, 1000)]
    [InlineData(3, 4)]
    [InlineData(3, 1000)]
    [InlineData(5, 3)]
    [InlineData(5, 1000)]
    public void Ranks_match_peeling_fronts_on_random_sets(int objectives, int levels)
    {
        var random = new Random(objectives * 7919 + levels);
        for (var round = 0; round < 40; round++)
        {
            var (values, directions) = RandomSet(random, random.Next(1, 60), objectives, levels);

            Assert.Equal(BruteForce.Ranks(values, directions, null), NondominatedSort.Ranks(values, directions));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Constrained_ranks_match_peeling_by_constrained_dominance(int objectives)
    {
        var random = new Random(objectives);
        for (var round = 0; round < 40; round++)
        {
            var (values, directions) = RandomSet(random, random.Next(1, 50), objectives, 5);

            // Two constraints each with values in -2..2: about a quarter feasible, violations often tied.
            var constraints = values
                .Select(_ => new[] { random.Next(-2, 3) * 0.5, random.Next(-2, 3) * 0.5 })
                .ToArray();

            Assert.Equal(BruteForce.Ranks(values, directions, constraints),
                NondominatedSort.Ranks(values, directions, constraints));
        }
    }

    [Fact]
    public void Infeasible_points_rank_after_every_feasible_one_by_total_violation()
    {
        double[][] values = [[5, 5], [0, 0], [1, 1], [9, 9], [0, 9]];
        double[][] constraints = [[0, -1], [2, 0], [0.5, 1.5], [-3, -3], [3, -9]];

        // Feasible: [5, 5] and [9, 9] (ranks 0, 1); infeasible by violation 2, 2, 3.
        Assert.Equal([0, 2, 2, 1, 3], NondominatedSort.Ranks(values, Min2, constraints));
        Assert.Equal([[0], [3], [1, 2], [4]], NondominatedSort.Fronts(values, Min2, constraints));
    }

    [Fact]
    public void Equal_points_share_a_rank_and_maximised_objectives_are_reversed()
    {
        double[][] values = [[1, 1], [1, 1], [2, 2], [0, 3]];

        Assert.Equal([0, 0, 1, 0], NondominatedSort.Ranks(values, Min2));
        Assert.Equal([1, 1, 0, 0], NondominatedSort.Ranks(values, [Direction.Maximize, Direction.Maximize]));
        // Minimising the first and maximising the second, [0, 3] dominates everything else.
        Assert.Equal([1, 1, 1, 0], NondominatedSort.Ranks(values, [Direction.Minimize, Direction.Maximize]));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void The_front_is_the_feasible_points_no_feasible_point_dominates(int objectives)
    {
        var random = new Random(100 + objectives);
        for (var round = 0; round < 40; round++)
        {
            var (values, directions) = RandomSet(random, random.Next(0, 50), objectives, 6);
            var constraints = values.Select(_ => new[] { random.NextDouble() - 0.3 }).ToArray();
            var feasible = Enumerable.Range(0, values.Length).Where(i => constraints[i][0] <= 0).ToArray();
            var expected = feasible
                .Where(i => !feasible.Any(k => Dominance.Dominates(values[k], values[i], directions)))
                .ToArray();

            Assert.Equal(expected, ParetoFront.Indices(values, directions, constraints));
            Assert.Equal(
                Enumerable.Range(0, values.Length).Where(i => NondominatedSort.Ranks(values, directions)[i] == 0),
                ParetoFront.Indices(values, directions));
        }
    }

    [Fact]
    public void No_feasible_point_means_an_empty_front()
    {
        double[][] values = [[1, 2], [2, 1]];

        Assert.Empty(ParetoFront.Indices(values, Min2, [[0.1], [1e-9]]));
        Assert.Equal([0, 1], ParetoFront.Indices(values, Min2, [[0], [-1]]));
    }

    [Fact]
    public void Constrained_dominance_follows_feasibility_then_violation_then_values()
    {
        double[] good = [0, 0], bad = [1, 1];

        Assert.True(Dominance.ConstrainedDominates(bad, [0], good, [1e-6], Min2));
        Assert.False(Dominance.ConstrainedDominates(good, [1e-6], bad, [0], Min2));
        Assert.True(Dominance.ConstrainedDominates(bad, [1, -5], good, [0.5, 0.6], Min2));
        Assert.False(Dominance.ConstrainedDominates(good, [1], bad, [1], Min2));
        Assert.True(Dominance.ConstrainedDominates(good, [-1], bad, [], Min2));
        Assert.False(Dominance.Dominates(good, good, Min2));
        Assert.Equal(1.5, Dominance.Violation([1, -3, 0.5]));
        Assert.True(Dominance.IsFeasible([0, -1]));
    }

    [Fact]
    public void Malformed_input_is_refused_with_the_reason()
    {
        var wrongLength = Assert.Throws<ArgumentException>(() => NondominatedSort.Ranks([[1, 2], [1, 2, 3]], Min2));
        Assert.Contains("values[1] has 3 values but there are 2 objectives", wrongLength.Message, StringComparison.Ordinal);

        var nan = Assert.Throws<ArgumentException>(() => ParetoFront.Indices([[1, double.NaN]], Min2));
        Assert.Contains("values[0][1] is NaN (objective 2)", nan.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => NondominatedSort.Ranks([[1, 2]], Min2, []));
        Assert.Throws<ArgumentException>(() => Dominance.Violation([double.NaN]));
        Assert.Throws<ArgumentException>(() => NondominatedSort.Ranks([[1]], []));
    }

    [Fact]
    public void Crowding_distance_of_a_known_front()
    {
        // Both objectives range over 10: for [1, 6] the neighbours are 0 and 3, then 10 and 5: 0.3 + 0.5.
        double[][] front = [[3, 5], [0, 10], [6, 1], [10, 0], [1, 6]];

        var distances = CrowdingDistance.Compute(front);

        Assert.Equal([1.0, double.PositiveInfinity, 1.2, double.PositiveInfinity, 0.8], distances.Select(d => Math.Round(d, 12)));
    }

    [Fact]
    public void Crowding_distance_ignores_an_objective_where_all_points_are_equal()
    {
        double[][] front = [[0, 7], [1, 7], [4, 7]];

        Assert.Equal([double.PositiveInfinity, 1.0, double.PositiveInfinity], CrowdingDistance.Compute(front));
        Assert.Equal([0.0, 0.0], CrowdingDistance.Compute([[2, 2], [2, 2]]));
        Assert.Empty(CrowdingDistance.Compute([]));
    }
}
