using Spectre.Console;

namespace Dials.Simulation;

/// <summary>What <c>dials simulate</c> does: runs search strategies on standard test functions, prints each function's
/// regret table, and writes its curves (JSON) and chart (SVG).</summary>
public static class Simulator
{
    /// <summary>Runs every function in <paramref name="functions"/> (or <c>all</c>) with each of
    /// <paramref name="samplers"/>, <paramref name="seeds"/> studies of <paramref name="trials"/> trials each; writes
    /// each function's table to <paramref name="console"/> and, when <paramref name="output"/> is given, its curves and
    /// chart there, naming the files on <paramref name="notes"/>.</summary>
    /// <exception cref="ArgumentException">A function or sampler name is unknown (checked before any study runs).</exception>
    public static void Run(IReadOnlyList<string> functions, IReadOnlyList<string> samplers, int trials, int seeds,
        DirectoryInfo? output, int parallelism, IAnsiConsole console, TextWriter notes, int firstSeed = 0)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(notes);
        var selected = functions.Count == 1 && functions[0].Equals("all", StringComparison.OrdinalIgnoreCase)
            ? TestFunctions.All
            : [.. functions.Select(TestFunctions.Get)];
        foreach (var testFunction in selected)
        {
            var result = SimulationRunner.Run(testFunction, samplers, trials, seeds, Math.Max(1, parallelism), firstSeed);
            console.Write(RegretTable.Render(result));
            if (output is not null)
            {
                output.Create();
                var json = Path.Combine(output.FullName, $"{result.Function}.json");
                var svg = Path.Combine(output.FullName, $"{result.Function}.svg");
                File.WriteAllText(json, CurvesJson.Write(result));
                File.WriteAllText(svg, RegretChart.Render(result));
                notes.WriteLine($"wrote {json} and {svg}");
            }
        }
    }
}
