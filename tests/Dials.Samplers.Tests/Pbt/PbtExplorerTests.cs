using Dials.Pbt;
using Dials.Samplers;
using Dials.Testing;

namespace Dials.Samplers.Tests.Pbt;

/// <summary>Explore, the half of population-based training that moves hyperparameters: it must stay inside every
/// kind of dimension and give a value to a dimension its parent's new choice activates.</summary>
public sealed class PbtExplorerTests
{
    private static readonly PbtOptions Options = new() { Interval = 1, Steps = 1, ResampleProbability = 0.3 };

    [Fact]
    public void Explore_stays_inside_a_space_of_every_kind_and_fills_dimensions_that_become_active()
    {
        var space = TestSpaces.Mixed();
        var point = space.DefaultPoint;
        var changed = new HashSet<string>();
        var activated = 0;
        for (var i = 0; i < 500; i++)
        {
            var (explored, change) = PbtExplorer.Explore(space, point, Options, new TrialRandom(3, i));
            Assert.Empty(space.Check(explored));
            for (var d = 0; d < explored.Length; d++)
            {
                Assert.Equal(space.IsActive(explored, d), !double.IsNaN(explored[d]));
            }

            activated += change.Contains("(now active)", StringComparison.Ordinal) ? 1 : 0;
            changed.UnionWith(change.Split(", ").Select(c => c.Split(' ')[0]));
            point = explored;
        }

        Assert.Superset(new HashSet<string> { "Optimizer", "Batch", "Layers", "LearningRate", "Dropout", "Momentum", "Beta" }, changed);
        Assert.True(activated > 0);
    }

    [Theory]
    [InlineData(1.2, 3.0, 4.0)]   // 3 × 1.2 rounds back to 3: it moves one level up instead
    [InlineData(0.8, 3.0, 2.0)]
    [InlineData(1.2, 10.0, 10.0)] // the top stays the top
    public void A_whole_number_the_factor_cannot_move_steps_one_level(double factor, double value, double expected)
    {
        var space = new SearchSpace<long>([Dimension.Int("N", 1, 10)], () => 1, (c, _) => c, (p, d) => (long)p[0]);
        var options = Options with { PerturbFactors = [factor], ResampleProbability = 0 };

        var (explored, change) = PbtExplorer.Explore(space, [value], options, new TrialRandom(1, 1));

        Assert.Equal(expected, explored[0]);
        Assert.Equal($"N ×{factor}", change);
    }

    [Fact]
    public void A_log_scale_number_is_multiplied_and_kept_in_range()
    {
        var space = new SearchSpace<double>([Dimension.Float("Rate", 1e-4, 1e-1, log: true)], () => 1e-3, (c, _) => c, (p, d) => p[0]);
        var options = Options with { PerturbFactors = [1.2], ResampleProbability = 0 };

        Assert.Equal(1.2e-3, PbtExplorer.Explore(space, [1e-3], options, new TrialRandom(1, 1)).Point[0], 12);
        Assert.Equal(1e-1, PbtExplorer.Explore(space, [0.095], options, new TrialRandom(1, 1)).Point[0]);
    }
}
