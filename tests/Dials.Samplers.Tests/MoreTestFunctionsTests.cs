using Dials.Simulation;

namespace Dials.Samplers.Tests;

public sealed class MoreTestFunctionsTests
{
    [Theory]
    [InlineData("hartmann3")]
    [InlineData("sixhump")]
    [InlineData("styblinski4")]
    [InlineData("mixed-ic")]
    public void Each_new_function_takes_its_stated_optimum_at_its_minimizer(string name)
    {
        var function = TestFunctions.Get(name);

        Assert.Empty(function.Space.Check(function.Minimizer));
        Assert.Equal(function.Optimum, function.Evaluate(function.Minimizer), 1e-12);
    }

    [Fact]
    public void The_stated_optima_are_the_reference_script_ones()
    {
        Assert.Equal(-3.8627797873326633, TestFunctions.Get("hartmann3").Optimum);
        Assert.Equal(-1.031628453489877, TestFunctions.Get("sixhump").Optimum);
        Assert.Equal(-39.16616570377142 * 4, TestFunctions.Get("styblinski4").Optimum);
        Assert.Equal(0, TestFunctions.Get("mixed-ic").Optimum);
    }

    [Theory]
    [InlineData("hartmann3")]
    [InlineData("sixhump")]
    [InlineData("styblinski4")]
    [InlineData("mixed-ic")]
    public void No_random_point_beats_the_stated_optimum(string name)
    {
        var function = TestFunctions.Get(name);
        var trials = SamplerHarness.Run(function.Space, new RandomSampler(seed: 3), function.Evaluate, 2000);

        Assert.All(trials, t => Assert.True(t.Value >= function.Optimum));
    }

    [Fact]
    public void The_six_hump_camel_has_its_minimum_at_the_mirrored_point_too()
    {
        var camel = MoreTestFunctions.SixHumpCamel();

        Assert.Equal(camel.Optimum, camel.Evaluate([-0.08984201394474498, 0.7126564058067623]), 1e-12);
    }

    [Fact]
    public void The_search_spaces_have_the_bounds_and_kinds_of_the_reference_script()
    {
        Assert.All(MoreTestFunctions.Hartmann3().Space.Dimensions, d => Assert.Equal((0.0, 1.0), (d.Low, d.High)));
        Assert.Equal([(-3.0, 3.0), (-2.0, 2.0)], MoreTestFunctions.SixHumpCamel().Space.Dimensions.Select(d => (d.Low, d.High)));
        Assert.All(MoreTestFunctions.StyblinskiTang4().Space.Dimensions, d => Assert.Equal((-5.0, 5.0), (d.Low, d.High)));
        Assert.Equal(4, MoreTestFunctions.StyblinskiTang4().Space.Dimensions.Count);

        var mixed = MixedIntegerFunction.Create().Space.Dimensions;
        Assert.Equal(["x", "lr", "n", "w", "c"], mixed.Select(d => d.Name));
        Assert.Equal(
            [DimensionKind.Float, DimensionKind.Float, DimensionKind.Int, DimensionKind.Int, DimensionKind.Categorical],
            mixed.Select(d => d.Kind));
        Assert.Equal([false, true, false, true, false], mixed.Select(d => d.Log));
        Assert.Equal(2, mixed[2].Step);
        Assert.Equal((1.0, 1024.0), (mixed[3].Low, mixed[3].High));
        Assert.Equal(["a", "b", "c", "d"], mixed[4].Choices);
        Assert.All(mixed, d => Assert.Null(d.Condition));
    }

    [Fact]
    public void Each_categorical_level_of_mixed_ic_has_its_own_optimum_at_its_floor()
    {
        // Level k's best point: x and log10 lr at the level's shifted optimum, n and w at their shared best.
        double[][] bests = [[1.5, 1e-2, 14, 64, 0], [-2, 1e-3, 14, 64, 1], [3, 1e-1, 14, 64, 2], [0, Math.Pow(10, -2.5), 14, 64, 3]];
        double[] floors = [0, 0.4, 0.8, 1.2];

        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(floors[k], MixedIntegerFunction.Evaluate(bests[k]), 1e-12);
            var moved = (double[])bests[k].Clone();
            moved[0] += 0.5;
            Assert.True(MixedIntegerFunction.Evaluate(moved) > floors[k]);
        }
    }

    // Values printed once by `python3 docs/bench/optuna5_bench.py --values` (the Python definitions the Optuna 5
    // reference runs use); mixed-ic points are (x, lr, n, w, level index).
    [Theory]
    [InlineData("hartmann3", new[] { 0.0, 0.0, 0.0 }, -0.06797411659013464)]
    [InlineData("hartmann3", new[] { 0.5, 0.5, 0.5 }, -0.6280220150705937)]
    [InlineData("hartmann3", new[] { 0.2, 0.7, 0.9 }, -3.022959784893138)]
    [InlineData("sixhump", new[] { -3.0, -2.0 }, 162.89999999999998)]
    [InlineData("sixhump", new[] { 0.0, 0.0 }, 0.0)]
    [InlineData("sixhump", new[] { 1.0, -0.5 }, 0.9833333333333334)]
    [InlineData("styblinski4", new[] { -5.0, -5.0, -5.0, -5.0 }, 400.0)]
    [InlineData("styblinski4", new[] { 0.0, 0.0, 0.0, 0.0 }, 0.0)]
    [InlineData("styblinski4", new[] { 1.0, -2.0, 3.0, -4.0 }, -68.0)]
    [InlineData("mixed-ic", new[] { -5.0, 1e-4, 0, 1, 3 }, 20.810000000000002)]
    [InlineData("mixed-ic", new[] { 0.0, 0.1, 20, 100, 1 }, 6.783637698277807)]
    [InlineData("mixed-ic", new[] { 3.0, 0.003, 8, 32, 2 }, 3.7291596728266145)]
    [InlineData("mixed-ic", new[] { 1.5, 0.01, 14, 64, 0 }, 0.0)]
    public void The_functions_agree_with_the_Python_reference_at_fixed_points(string name, double[] point, double python)
    {
        Assert.Equal(python, TestFunctions.Get(name).Evaluate(point), Math.Max(1e-12, Math.Abs(python) * 1e-13));
    }
}
