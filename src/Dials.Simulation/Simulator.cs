using Spectre.Console;

namespace Dials.Simulation;

/// <summary>What <c>dials simulate</c> does: runs search strategies on standard test functions (and multi-objective
/// problems), prints each one's regret (or hypervolume) table, and writes its curves (JSON) and chart (SVG).</summary>
public static class Simulator
{
    /// <summary>Runs every function or multi-objective problem in <paramref name="functions"/> (or <c>all</c>, every
    /// single-objective function) with each of <paramref name="samplers"/>, <paramref name="seeds"/> studies of
    /// <paramref name="trials"/> trials each; writes each one's table to <paramref name="console"/> and, when
    /// <paramref name="output"/> is given, its curves and chart there, naming the files on <paramref name="notes"/>.</summary>
    /// <exception cref="ArgumentException">A function, problem or sampler name is unknown, or a sampler cannot serve a
    /// multi-objective problem asked for (all checked before any study runs).</exception>
    public static void Run(IReadOnlyList<string> functions, IReadOnlyList<string> samplers, int trials, int seeds,
        DirectoryInfo? output, int parallelism, IAnsiConsole console, TextWriter notes, int firstSeed = 0)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(notes);
        parallelism = Math.Max(1, parallelism);
        var names = functions.Count == 1 && functions[0].Equals("all", StringComparison.OrdinalIgnoreCase)
            ? [.. TestFunctions.All.Select(f => f.Name)]
            : functions;
        var runs = names.Select(name => Plan(name, samplers, trials, seeds, parallelism, firstSeed)).ToArray();
        foreach (var run in runs)
        {
            var result = run();
            console.Write(SimulationTable.Render(result));
            if (output is not null)
            {
                output.Create();
                var json = Path.Combine(output.FullName, $"{result.Function}.json");
                var svg = Path.Combine(output.FullName, $"{result.Function}.svg");
                File.WriteAllText(json, CurvesJson.Write(result));
                File.WriteAllText(svg, SimulationChart.Render(result));
                notes.WriteLine($"wrote {json} and {svg}");
            }
        }
    }

    /// <summary>Every name <see cref="Run"/> accepts: the test functions, then the multi-objective problems.</summary>
    public static IReadOnlyList<string> Names =>
        [.. TestFunctions.All.Select(f => f.Name), .. MultiObjectiveProblems.All.Select(p => p.Name)];

    // Resolves a name and checks the samplers against it now, so a bad name or a refused sampler stops the command
    // before the first study rather than after the functions before it have run.
    private static Func<SimulationResult> Plan(string name, IReadOnlyList<string> samplers, int trials, int seeds, int parallelism, int firstSeed)
    {
        if (MultiObjectiveProblems.TryGet(name) is { } problem)
        {
            SimulationRunner.CheckSamplers(problem, samplers, trials);
            return () => SimulationRunner.Run(problem, samplers, trials, seeds, parallelism, firstSeed);
        }

        var function = TestFunctions.All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown function '{name}'; known: {string.Join(", ", Names)} (zdt1-3, dtlz1-2 and fonseca also as NAME:VARIABLES, e.g. zdt1:4).",
                nameof(name));
        foreach (var sampler in samplers)
        {
            _ = SimulationSamplers.Create(sampler, 0, function.Space, trials);
        }

        return () => SimulationRunner.Run(function, samplers, trials, seeds, parallelism, firstSeed);
    }
}
