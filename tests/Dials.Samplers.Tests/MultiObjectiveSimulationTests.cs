using System.Text.Json;
using Dials.MultiObjective;
using Dials.Simulation;
using Spectre.Console;

namespace Dials.Samplers.Tests;

public sealed class MultiObjectiveSimulationTests
{
    private static (IAnsiConsole Console, StringWriter Text) Console(bool ansi = false)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
        });
        return (console, text);
    }

    private static DirectoryInfo TempDirectory() =>
        new(Path.Combine(Path.GetTempPath(), "dials-simulate-mo-" + Guid.NewGuid().ToString("N")));

    /// <summary>Three seeds, two trials, optimal hypervolume 10: a's medians are 5 then 7, b's 2 then 9, so at the only
    /// checkpoint (trial 2) b is best with 9, 0.9 of the optimum.</summary>
    private static SimulationResult HandChecked() => new("p", 10, 2, 3,
        [new SamplerCurves("a", [[4, 6], [5, 8], [6, 7]], [1, 1, 1]), new SamplerCurves("b", [[1, 9], [2, 9], [3, 9]], [1, 1, 1])])
    {
        Measure = CurveMeasure.Hypervolume,
        Reference = [3, 3],
    };

    [Fact]
    public void The_hypervolume_table_gives_each_median_with_its_fraction_of_the_optimum_and_bolds_the_largest()
    {
        var (plain, text) = Console();
        var (coloured, ansi) = Console(ansi: true);

        plain.Write(SimulationTable.Render(HandChecked()));
        coloured.Write(SimulationTable.Render(HandChecked()));

        Assert.Contains("p: median hypervolume over 3 seeds (fraction of the optimal 10)", OneLine(text));
        Assert.Contains("hypervolume of the feasible complete trials at reference (3, 3)", OneLine(text));
        Assert.Contains("7 (0.7000)", text.ToString());
        Assert.Contains("9 (0.9000)", text.ToString());
        Assert.Contains("\u001b[1m9 (0.9000)", ansi.ToString());
        Assert.DoesNotContain("\u001b[1m7 (0.7000)", ansi.ToString());
    }

    [Fact]
    public void The_JSON_and_the_chart_say_what_they_measure()
    {
        using var json = JsonDocument.Parse(CurvesJson.Write(HandChecked()));
        var svg = SimulationChart.Render(HandChecked());

        var root = json.RootElement;
        Assert.Equal("hypervolume", root.GetProperty("measure").GetString());
        Assert.Equal(10, root.GetProperty("optimum").GetDouble());
        Assert.Equal([3.0, 3.0], root.GetProperty("reference").EnumerateArray().Select(e => e.GetDouble()));
        var b = root.GetProperty("samplers").GetProperty("b");
        Assert.Equal([9.0], b.GetProperty("checkpoint_median").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([0.9], b.GetProperty("checkpoint_median_fraction").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Contains("median hypervolume gap over 3 seeds", svg);
        Assert.Contains("optimal hypervolume - hypervolume, log scale", svg);
        Assert.Equal("regret", JsonDocument.Parse(CurvesJson.Write(new SimulationResult("f", 0, 2, 3, HandChecked().Samplers)))
            .RootElement.GetProperty("measure").GetString());
    }

    /// <summary>Binh and Korn through <see cref="Simulator.Run"/>: each seed's curve is the hypervolume, recomputed
    /// trial by trial, of the feasible trials of the same study run by hand (random search draws the same points for
    /// the same seed), and the infeasible trials it skipped would have added volume somewhere.</summary>
    [Fact]
    public void Simulate_measures_a_constrained_problem_by_its_feasible_trials_only()
    {
        const int trials = 30, seeds = 6;
        var problem = MultiObjectiveProblems.BinhKorn();
        var output = TempDirectory();
        var (console, text) = Console();
        try
        {
            Simulator.Run(["binh-korn"], ["random"], trials, seeds, output, parallelism: 1, console, TextWriter.Null);

            Assert.Contains("binh-korn: median hypervolume over 6 seeds (fraction of the optimal 5285.333333)", OneLine(text));
            Assert.Contains("at reference (140, 50)", OneLine(text));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output.FullName, "binh-korn.json")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "binh-korn.svg")));
            var perSeed = json.RootElement.GetProperty("samplers").GetProperty("random").GetProperty("per_seed");
            var infeasibleWouldCount = false;
            for (var seed = 0; seed < seeds; seed++)
            {
                var points = ByHand(problem, seed, trials);
                var feasible = Curve(problem, points, feasibleOnly: true);
                Assert.Equal(feasible, perSeed[seed].EnumerateArray().Select(e => e.GetDouble()));
                infeasibleWouldCount |= !Curve(problem, points, feasibleOnly: false).SequenceEqual(feasible);
            }

            Assert.True(infeasibleWouldCount);
        }
        finally
        {
            if (output.Exists)
            {
                output.Delete(recursive: true);
            }
        }
    }

    // A study of the problem under random search, run as a user would, its constraints checked here.
    private static List<(double[] Values, bool Feasible)> ByHand(MultiObjectiveProblem problem, int seed, int trials)
    {
        var study = Study.Create(problem.Space, new StudyOptions { Sampler = new RandomSampler(seed: seed), Directions = [.. problem.Directions] });
        var points = new List<(double[] Values, bool Feasible)>();
        for (var n = 0; n < trials; n++)
        {
            var trial = study.Ask();
            var values = problem.Evaluate(trial.Config);
            points.Add((values, problem.Constraints!(trial.Config).All(c => c <= 0)));
            study.Tell(trial, values);
        }

        return points;
    }

    // After each trial, the hypervolume of the trials so far (the feasible ones only, or all), computed from scratch.
    private static double[] Curve(MultiObjectiveProblem problem, List<(double[] Values, bool Feasible)> points, bool feasibleOnly) =>
        [.. Enumerable.Range(1, points.Count).Select(t => Hypervolume.Compute(
            [.. points.Take(t).Where(p => p.Feasible || !feasibleOnly).Select(p => (IReadOnlyList<double>)p.Values)], problem.Reference, problem.Directions))];

    // The console's text with every run of white space as one space: a table's title wraps to the table's width.
    private static string OneLine(StringWriter text) => System.Text.RegularExpressions.Regex.Replace(text.ToString(), @"\s+", " ");

    [Fact]
    public void A_sampler_that_optimizes_one_objective_is_refused_by_name_before_any_study_runs()
    {
        var (console, text) = Console();

        var error = Assert.Throws<ArgumentException>(() =>
            Simulator.Run(["branin", "zdt1"], ["random", "cmaes"], trials: 10, seeds: 1, null, parallelism: 1, console, TextWriter.Null));

        Assert.StartsWith("Sampler 'cmaes' cannot run zdt1, a problem of 2 objectives: the study refuses CmaEsSampler", error.Message);
        Assert.Contains("Samplers that serve several objectives: auto, tpe, tpe-uni, random, grid, qmc, nsga2.", error.Message);
        Assert.Equal("", text.ToString());
    }

    [Fact]
    public void Every_problem_runs_and_its_curve_never_falls_nor_passes_the_optimum()
    {
        foreach (var problem in MultiObjectiveProblems.All)
        {
            var result = SimulationRunner.Run(problem, ["random", "qmc"], trials: 30, seeds: 2);

            Assert.Equal(problem.OptimalHypervolume, result.Optimum);
            Assert.All(result.Samplers.SelectMany(s => s.Values), curve =>
            {
                Assert.All(curve.Zip(curve.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
                Assert.InRange(curve[^1], 0, problem.OptimalHypervolume);
            });
        }
    }
}
