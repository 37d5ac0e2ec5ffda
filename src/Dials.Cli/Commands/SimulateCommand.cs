using System.CommandLine;
using Dials.Simulation;
using Spectre.Console;

namespace Dials.Cli.Commands;

/// <summary><c>dials simulate</c>: runs search strategies on standard test functions and reports how fast each
/// closes in on the known optimum (on multi-objective problems, on the true Pareto front's hypervolume), to answer
/// "which strategy, for how many trials?" with numbers.</summary>
internal static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var function = new Option<string>("--function", "-f")
        {
            Description = "Test functions, comma-separated: " + string.Join(", ", TestFunctions.All.Select(f => f.Name)) +
                ", or all (these functions); multi-objective problems (hypervolume over trials): " +
                string.Join(", ", MultiObjectiveProblems.All.Select(p => p.Name)) +
                " (zdt1-3, dtlz1-2 and fonseca also with another number of variables: zdt1:4).",
            DefaultValueFactory = _ => "branin",
        };
        var samplers = new Option<string>("--samplers", "-s")
        {
            Description = "Strategies, comma-separated: " + string.Join(", ", Dials.Catalogs.SamplerCatalog.All.Names) + ".",
            DefaultValueFactory = _ => "random,tpe",
        };
        var trials = new Option<int>("--trials", "-n") { Description = "Trials per study.", DefaultValueFactory = _ => 200 };
        var seeds = new Option<int>("--seeds") { Description = "Studies (seeds first-seed..first-seed+seeds-1) per strategy.", DefaultValueFactory = _ => 20 };
        var firstSeed = new Option<int>("--first-seed")
        {
            Description = "The first seed (e.g. 100 for seeds held out from reported figures).",
            DefaultValueFactory = _ => 0,
        };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Directory for the curves (JSON) and chart (SVG)." };
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "Studies run at once (use 1 to compare seconds per study with another tool).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };

        var command = new Command("simulate",
            "Run search strategies on test functions with known optima and compare their regret (on multi-objective problems, their hypervolume).")
        {
            function, samplers, trials, seeds, output, parallelism, firstSeed,
        };
        command.SetAction(parse => Run(
            Split(parse.GetValue(function)!),
            Split(parse.GetValue(samplers)!),
            parse.GetValue(trials),
            parse.GetValue(seeds),
            parse.GetValue(output),
            parse.GetValue(parallelism),
            Consoles.StandardOutput(),
            parse.GetValue(firstSeed),
            Console.Error));
        return command;
    }

    /// <summary>Runs the simulation (<see cref="Simulator.Run"/>); notes and errors go to <paramref name="errors"/> as
    /// plain lines. Returns the process exit code: an unknown function or sampler, or a sampler that cannot serve a
    /// multi-objective problem, is a usage error.</summary>
    private static int Run(IReadOnlyList<string> functions, IReadOnlyList<string> samplers, int trials, int seeds,
        DirectoryInfo? output, int parallelism, IAnsiConsole console, int firstSeed, TextWriter errors)
    {
        try
        {
            Simulator.Run(functions, samplers, trials, seeds, output, parallelism, console, errors, firstSeed);
            return 0;
        }
        catch (ArgumentException e)
        {
            errors.WriteLine("error: " + e.Message);
            return ExitCodes.Usage;
        }
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
