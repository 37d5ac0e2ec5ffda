using System.CommandLine;
using Dials.Cli.Commands;

namespace Dials.Cli;

/// <summary>The <c>dials</c> command line: one sub-command per file under <c>Commands/</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args) => BuildRootCommand().Parse(args).Invoke();

    /// <summary>The root command with every sub-command attached.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Dials: typed hyperparameters and a tuner. Compare search strategies, inspect studies.");
        root.Subcommands.Add(SimulateCommand.Create());
        return root;
    }
}
