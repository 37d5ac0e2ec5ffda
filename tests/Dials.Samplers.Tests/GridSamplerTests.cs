using Dials.Simulation;

namespace Dials.Samplers.Tests;

public sealed class GridSamplerTests
{
    [Fact]
    public void The_grid_has_every_combination_and_conditional_dimensions_multiply_only_where_active()
    {
        var points = new GridSampler(floatPoints: 5).PointsOf(TestSpaces.Mixed());

        // (sgd x 5 momenta + adam x 5 betas) x 5 batches x 4 layer counts x 5 learning rates x 6 dropouts.
        Assert.Equal(10 * 5 * 4 * 5 * 6, points.Count);
        Assert.Equal(points.Count, points.Select(p => string.Join(",", p)).Distinct().Count());
        Assert.All(points, p => Assert.Empty(TestSpaces.Mixed().Check(p.ToArray())));
    }

    [Fact]
    public void Float_points_are_evenly_spaced_in_log_space_where_log()
    {
        var space = TestFunction.PointSpace([Dimension.Float("beta", 1e-4, 1e-1, log: true)]);

        var values = new GridSampler(floatPoints: 4).PointsOf(space).Select(p => p[0]).ToArray();

        Assert.Equal([1e-4, 1e-3, 1e-2, 1e-1], values.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Explicit_values_replace_the_default_grid_and_are_checked()
    {
        var space = TestSpaces.Toy();
        var values = new Dictionary<string, IReadOnlyList<object>> { ["X"] = [0.5, 1.0], ["N"] = [3L] };

        var points = new GridSampler(values: values).PointsOf(space);

        Assert.Equal(4, points.Count);
        Assert.Contains("'X'", Assert.Throws<ArgumentException>(() =>
            new GridSampler(values: new Dictionary<string, IReadOnlyList<object>> { ["X"] = [9.0] }).PointsOf(space)).Message);
        Assert.Contains("'Y'", Assert.Throws<ArgumentException>(() =>
            new GridSampler(values: new Dictionary<string, IReadOnlyList<object>> { ["Y"] = [1.0] }).PointsOf(space)).Message);
    }

    [Fact]
    public void A_grid_too_large_is_refused_naming_the_widest_dimension()
    {
        var space = TestFunction.PointSpace([Dimension.Int("huge", 0, 2_000_000), Dimension.Int("small", 0, 1)]);

        var error = Assert.Throws<ArgumentException>(() => new GridSampler().PointsOf(space));

        Assert.Contains("'huge'", error.Message);
    }

    [Fact]
    public void The_walk_is_in_order_without_a_seed_and_shuffled_reproducibly_with_one()
    {
        var space = TestSpaces.Toy();

        var plain = new GridSampler(floatPoints: 3).PointsOf(space);
        var shuffled = new GridSampler(floatPoints: 3, seed: 1).PointsOf(space);

        Assert.Equal([-5.0, 1, 0], plain[0]);
        Assert.Equal([-5.0, 1, 1], plain[1]);
        Assert.NotEqual(plain, shuffled);
        Assert.Equal(shuffled, new GridSampler(floatPoints: 3, seed: 1).PointsOf(space));
        Assert.Equal(plain.Select(p => string.Join(",", p)).Order(), shuffled.Select(p => string.Join(",", p)).Order());
    }

    [Fact]
    public async Task A_study_visits_every_grid_point_once_then_stops()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new GridSampler(floatPoints: 3) });

        var result = await study.OptimizeAsync(TestSpaces.Bowl, trials: 100);

        Assert.Equal(60, result.Trials.Count);
        Assert.Equal(60, result.Trials.Select(t => string.Join(",", t.Parameters.Values)).Distinct().Count());
        Assert.Equal(new Toy(0, 3, "b"), result.Best.Config);
    }

    [Fact]
    public async Task Parallel_workers_split_the_grid_without_repeats()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new GridSampler(floatPoints: 3, seed: 4) });

        var result = await study.OptimizeAsync(async (toy, _, _) =>
        {
            await Task.Yield();
            return toy.X;
        }, parallelism: 4);

        Assert.Equal(60, result.Trials.Count);
        Assert.Equal(60, result.Trials.Select(t => string.Join(",", t.Parameters.Values)).Distinct().Count());
    }

    [Fact]
    public async Task Queued_configurations_on_the_grid_count_as_visited_and_run_even_when_it_is_exhausted()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new GridSampler(floatPoints: 3) });
        study.Enqueue(new Toy(0, 3, "b"));
        await study.OptimizeAsync(TestSpaces.Bowl);
        study.Enqueue(new Toy(0.5, 3, "b"));

        var result = await study.OptimizeAsync(TestSpaces.Bowl);

        Assert.Equal(61, result.Trials.Count);
        Assert.Equal(0.5, result.Trials[^1].Parameters["X"]);
    }

    [Fact]
    public void Ask_after_exhaustion_walks_the_grid_again()
    {
        var space = TestFunction.PointSpace([Dimension.Categorical("c", ["a", "b", "c"])]);
        var study = Study.Create(space, new StudyOptions { Sampler = new GridSampler() });

        var asked = Enumerable.Range(0, 5).Select(_ =>
        {
            var trial = study.Ask();
            study.Tell(trial, 0);
            return trial.Point[0];
        });

        Assert.Equal([0.0, 1, 2, 0, 1], asked);
    }

    [Fact]
    public void A_grid_of_500_dimensions_is_refused_before_it_is_built()
    {
        var space = SamplerHarness.UnitCube(500);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ArgumentException>(() => new GridSampler().PointsOf(space));

        Assert.Contains("more than 1000000 points", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "the grid was built before it was refused");
    }

    [Fact]
    public void A_grid_over_a_billion_integers_is_refused_without_listing_them()
    {
        var space = TestFunction.PointSpace([Dimension.Int("n", 0, 1_000_000_000)]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<ArgumentException>(() => new GridSampler().PointsOf(space));

        Assert.Contains("'n' alone has 1000000001 values", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "the levels were listed before the grid was refused");
    }

    [Fact]
    public void A_large_conditional_grid_is_counted_with_its_conditions()
    {
        // Twelve 4-valued dimensions under a 2-valued switch: the product of the level counts is 2 * 4^12 (33 million),
        // but each branch activates only six of them: 2 * 4^6 = 8192 points.
        var dimensions = new List<Dimension> { Dimension.Categorical("branch", ["a", "b"]) };
        dimensions.AddRange(Enumerable.Range(0, 12).Select(i =>
            Dimension.Int($"d{i}", 1, 4, condition: new DimensionCondition("branch", [i < 6 ? 0.0 : 1.0]))));
        var space = TestFunction.PointSpace(dimensions);

        Assert.Equal(8192, new GridSampler().PointsOf(space).Count);
    }
}
