using System.CommandLine;
using Dials.Cli.Commands;

namespace Dials.Cli;

/// <summary>The <c>dials</c> command line: one sub-command per file under <c>Commands/</c>.</summary>
internal static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args)
    {
        // The command reads every storage kind, so it carries both database packages and registers their openers.
        Dials.Storage.Sqlite.SqliteStorageOpener.Register();
        Dials.Storage.Postgres.PostgresStorageOpener.Register();
        var parse = (IsCompletionRequest(args) ? BuildCompletionRoot() : BuildRootCommand()).Parse(args);
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
        var root = new Command(Name, Description)
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        AddSubcommands(root);
        return root;
    }

    /// <summary>Whether shell completion (<c>dotnet-suggest</c>) is asking for suggestions: it calls the tool with a
    /// <c>[suggest]</c> or <c>[suggest:POSITION]</c> directive first.</summary>
    private static bool IsCompletionRequest(string[] args) =>
        args.Length > 0 && args[0].StartsWith("[suggest", StringComparison.Ordinal);

    /// <summary>The same commands under a <see cref="RootCommand"/>, the only kind of command that understands
    /// directives; used for completion requests alone, whose output (one suggestion a line) never names the tool.</summary>
    private static RootCommand BuildCompletionRoot()
    {
        var root = new RootCommand(Description);
        AddSubcommands(root);
        return root;
    }

    private const string Description = "Dials: typed hyperparameters and a tuner. Inspect, analyse and export studies in any storage; score data with a saved model; compare search strategies.";

    private static void AddSubcommands(Command root)
    {
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(StudiesCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(TrialsCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(BestCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(ParetoCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(ImportanceCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(ReportCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(ExportCommand.Create(CliOutput.FromProcess));
        root.Subcommands.Add(PredictCommand.Create(CliOutput.FromProcess));
    }
}
