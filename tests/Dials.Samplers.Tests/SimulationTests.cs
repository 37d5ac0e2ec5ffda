using System.Text.Json;
using Dials.Simulation;
using Spectre.Console;

namespace Dials.Samplers.Tests;

public sealed class SimulationTests
{
    [Theory]
    [InlineData("branin")]
    [InlineData("hartmann6")]
    [InlineData("rosenbrock4")]
    [InlineData("mixed")]
    [InlineData("cat4x5")]
    [InlineData("branch")]
    [InlineData("sphere20")]
    public void Each_function_takes_its_known_optimum_at_its_minimizer(string name)
    {
        var function = TestFunctions.Get(name);

        Assert.Empty(function.Space.Check(function.Minimizer));
        Assert.Equal(function.Optimum, function.Evaluate(function.Minimizer), 5);
    }

    [Fact]
    public void Branin_has_the_same_minimum_at_all_three_minimizers()
    {
        var branin = TestFunctions.Branin();

        foreach (var x in new[] { new[] { -Math.PI, 12.275 }, [Math.PI, 2.275], [9.42478, 2.475] })
        {
            Assert.Equal(branin.Optimum, branin.Evaluate(x), 5);
        }
    }

    [Fact]
    public void The_mixed_function_is_never_below_its_optimum()
    {
        var mixed = TestFunctions.Get("mixed");
        var trials = SamplerHarness.Run(mixed.Space, new RandomSampler(seed: 1), mixed.Evaluate, 300);

        Assert.All(trials, t => Assert.True(t.Value >= mixed.Optimum));
    }

    [Fact]
    public void Regret_curves_never_rise_and_start_from_the_first_trial()
    {
        var curve = SimulationRunner.RegretCurve(TestFunctions.Branin(), new RandomSampler(seed: 2), 50);

        Assert.Equal(50, curve.Length);
        Assert.All(curve.Zip(curve.Skip(1)), pair => Assert.True(pair.Second <= pair.First));
        Assert.All(curve, r => Assert.True(r >= 0));
    }

    [Fact]
    public void Checkpoints_are_the_standard_counts_up_to_the_trials_run()
    {
        Assert.Equal([10, 25, 50, 100, 200], Result(200).Checkpoints);
        Assert.Equal([10, 25, 30], Result(30).Checkpoints);
        Assert.Equal([10, 25, 50, 100, 200, 400, 500], Result(500).Checkpoints);
    }

    [Fact]
    public void The_grid_is_sized_to_fit_the_trial_budget()
    {
        Assert.Equal(14, SimulationSamplers.GridPointsFor(TestFunctions.Branin().Space, 200));
        Assert.Equal(2, SimulationSamplers.GridPointsFor(TestFunctions.Hartmann6().Space, 200));
        Assert.Equal(3, SimulationSamplers.GridPointsFor(TestFunctions.Rosenbrock4().Space, 100));
    }

    [Fact]
    public void Trials_to_the_basin_count_until_the_first_value_below_it_and_a_miss_counts_past_the_budget()
    {
        // Regret curves of three seeds on a function with optimum 1 and basin 1.5 (regret below 0.5).
        var curves = new SamplerCurves("s", [[2, 0.7, 0.4, 0.4], [3, 3, 3, 3], [0.3, 0.3, 0.3, 0]], [1, 1, 1]);
        var result = new SimulationResult("f", 1, 4, 3, [curves], Basin: 1.5);

        Assert.Equal([3, null, 1], result.TrialsToBasin(curves));
        Assert.Equal((3, 2), result.BasinSummary(curves));
        Assert.Null(new SimulationResult("f", 1, 4, 3, [curves]).BasinSummary(curves));
        Assert.Equal(">300 (9/20)", SimulationTable.FormatBasin(301, 9, 300, 20));
        Assert.Equal("33.5 (20/20)", SimulationTable.FormatBasin(33.5, 20, 300, 20));
    }

    [Fact]
    public void Simulate_reports_trials_to_the_basin_and_runs_from_the_first_seed_asked()
    {
        var output = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "dials-simulate-" + Guid.NewGuid().ToString("N")));
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No });
        try
        {
            Simulator.Run(["cat4x5"], ["tpe"], trials: 60, seeds: 2, output, parallelism: 1, console, TextWriter.Null, firstSeed: 5);

            Assert.Contains("trials to basin", text.ToString());
            Assert.Contains("(5-6)", text.ToString());
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.FullName, "cat4x5.json")));
            Assert.Equal(5, json.RootElement.GetProperty("first_seed").GetInt32());
            Assert.Equal(0.1, json.RootElement.GetProperty("basin").GetDouble());
            var perSeed = json.RootElement.GetProperty("samplers").GetProperty("tpe").GetProperty("per_seed");
            var toBasin = json.RootElement.GetProperty("samplers").GetProperty("tpe").GetProperty("trials_to_basin");
            Assert.Equal(2, toBasin.GetArrayLength());

            // The second study is seed 6: the same curve as a study of that seed on its own.
            var six = SimulationRunner.RegretCurve(TpeCases.Categorical4x5(), new TpeSampler(seed: 6), 60);
            Assert.Equal(six, perSeed[1].EnumerateArray().Select(e => e.GetDouble()));
        }
        finally
        {
            if (output.Exists)
            {
                output.Delete(recursive: true);
            }
        }
    }

    [Fact]
    public void Functions_without_a_basin_keep_their_table_and_JSON_as_before()
    {
        var result = SimulationRunner.Run(TestFunctions.Branin(), ["random"], 12, 2);
        var text = new StringWriter();
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No }).Write(SimulationTable.Render(result));

        Assert.DoesNotContain("basin", text.ToString());
        Assert.DoesNotContain("basin", CurvesJson.Write(result));
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics()
    {
        Assert.Equal(2.5, SamplerCurves.Quantile([4, 1, 3, 2], 0.5));
        Assert.Equal(1.75, SamplerCurves.Quantile([4, 1, 3, 2], 0.25));
    }

    [Fact]
    public void Unknown_functions_and_samplers_are_named_in_the_error()
    {
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => TestFunctions.Get("nope")).Message);
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => SimulationSamplers.Create("nope", 0, TestFunctions.Branin().Space, 10)).Message);
    }

    [Fact]
    public void Simulate_prints_a_table_and_writes_the_curves_as_JSON_and_an_SVG_chart()
    {
        var output = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "dials-simulate-" + Guid.NewGuid().ToString("N")));
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No });
        try
        {
            Simulator.Run(["branin"], ["random", "tpe"], trials: 30, seeds: 3, output, parallelism: 1, console, TextWriter.Null);

            Assert.Contains("random", text.ToString());
            Assert.Contains("@25", text.ToString());

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.FullName, "branin.json")));
            var samplers = json.RootElement.GetProperty("samplers");
            Assert.Equal(30, samplers.GetProperty("tpe").GetProperty("median").GetArrayLength());
            Assert.Equal(3, samplers.GetProperty("random").GetProperty("per_seed").GetArrayLength());
            Assert.Equal([10, 25, 30], json.RootElement.GetProperty("checkpoints").EnumerateArray().Select(e => e.GetInt32()));

            var svg = File.ReadAllText(Path.Combine(output.FullName, "branin.svg"));
            Assert.StartsWith("<svg", svg);
            Assert.Equal(2, CountOf(svg, "<polyline"));
            Assert.Equal(2, CountOf(svg, "<polygon"));
            Assert.Contains(">tpe</text>", svg);
        }
        finally
        {
            if (output.Exists)
            {
                output.Delete(recursive: true);
            }
        }
    }

    private static SimulationResult Result(int trials) => new("f", 0, trials, 1, []);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
