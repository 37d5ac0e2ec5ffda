using System.CommandLine;
using Dials.Cli.Commands;

namespace Dials.Cli;

/// <summary>The <c>dials</c> command line: one sub-command per file under <c>Commands/</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args)
    {
        var parse = BuildRootCommand().Parse(args);
        if (parse.Errors.Count == 0)
        {
            return parse.Invoke();
        }

        // Usage mistakes get their own exit code (2), apart from bad input (1): see docs/cli.md.
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine("error: " + error.Message);
        }

        Console.Error.WriteLine("Run 'dials --help' or 'dials COMMAND --help' for usage.");
        return ExitCodes.Usage;
    }

    /// <summary>The root command with every sub-command attached.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Dials: typed hyperparameters and a tuner. Inspect, analyse and export studies in any storage; compare search strategies.");
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(StudiesCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(TrialsCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(BestCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(ImportanceCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(ReportCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(ExportCommand.Create(CliOutput.FromProcess));
        return root;
    }
}
