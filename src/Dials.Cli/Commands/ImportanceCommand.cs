using System.CommandLine;
using System.Diagnostics;
using Dials.Analysis;
using Dials.Reporting.Export;
using Spectre.Console;

namespace Dials.Cli.Commands;

/// <summary><c>dials importance</c>: which hyperparameters mattered, as a table with a bar per dimension.</summary>
internal static class ImportanceCommand
{
    private const int BarWidth = 30;

    /// <summary>Builds the command.</summary>
    public static Command Create(Func<CliOutput> output)
    {
        var storage = StudyArguments.StorageOption();
        var study = StudyArguments.StudyOption();
        var method = new Option<string>("--method")
        {
            Description = "auto (fANOVA from enough trials, fast below), fanova or fast.",
            DefaultValueFactory = _ => "auto",
        };
        method.AcceptOnlyFromAmong("auto", "fanova", "fast");
        var seed = StudyArguments.SeedOption();
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON (method, trials used, each dimension's share and spread, notes, and the analysis's elapsedMs) instead of a table.",
        };
        var command = new Command("importance", "Rank the hyperparameters by the share of the objective's variance each explains.")
        {
            storage, study, method, seed, json,
        };
        command.SetAction(parse => Run(parse.GetValue(storage)!, parse.GetValue(study)!,
            Enum.Parse<ImportanceMethod>(parse.GetValue(method)!, ignoreCase: true), parse.GetValue(seed), output(), parse.GetValue(json)));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string spec, string studyName, ImportanceMethod method, int seed, CliOutput output, bool json = false) =>
        CliErrors.Guard(output, () =>
        {
            var study = StudyArguments.LoadWithCompleteTrials(spec, studyName);
            var clock = Stopwatch.StartNew();
            var result = ParameterImportance.Evaluate(study, new ImportanceOptions { Method = method, Seed = seed });
            clock.Stop();
            if (json)
            {
                output.Plain.Write(ImportanceJson.Write(study.Name, result, clock.Elapsed));
            }
            else
            {
                output.Out.Write(Render(result));
            }

            return ExitCodes.Ok;
        });

    /// <summary>The result as a table: name, share in percent, a bar, and the spread across the surrogate's trees,
    /// followed by the method and notes.</summary>
    public static Rows Render(ImportanceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table()
            .AddColumn("Parameter")
            .AddColumn(new TableColumn("Importance").RightAligned())
            .AddColumn(new TableColumn(""))
            .AddColumn(new TableColumn("Spread").RightAligned());
        foreach (var dimension in result.Dimensions)
        {
            var cells = (int)Math.Round(Math.Clamp(dimension.Importance, 0, 1) * BarWidth);
            table.AddRow(
                Markup.Escape(dimension.Name),
                CliText.Percent(dimension.Importance),
                "[green]" + new string('█', cells) + "[/]",
                "± " + CliText.Percent(dimension.Spread));
        }

        List<Spectre.Console.Rendering.IRenderable> rows =
        [
            new Text($"Method: {result.Method}, from {result.TrialsUsed} complete trials."),
            table,
        ];
        rows.AddRange(result.Notes.Select(note => new Text("Note: " + note)));
        return new Rows(rows);
    }
}
