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

    /// <summary>The tool's name, as help and usage show it (the tool's command, not the assembly's name).</summary>
    public const string Name = "dials";

    /// <summary>The root command with every sub-command attached.</summary>
    /// <remarks>Not a <see cref="RootCommand"/>: that one is named after the executable, which is Dials.Cli when run as
    /// <c>dotnet Dials.Cli.dll</c> or from the repository, so help would name a command no one can type. A command
    /// named <see cref="Name"/> with the help and version options a root command adds reads the same everywhere.</remarks>
    public static Command BuildRootCommand()
    {
        var root = new Command(Name, "Dials: typed hyperparameters and a tuner. Inspect, analyse and export studies in any storage; compare search strategies.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
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
