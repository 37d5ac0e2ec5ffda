using Dials.Reporting;
using System.CommandLine;
using Dials.Analysis;
using Dials.Reporting.Export;
using Dials.Storage;

namespace Dials.Cli.Commands;

/// <summary><c>dials export</c>: the tuning log (CSV or JSON) or the model card (Markdown or JSON), to a file or
/// stdout.</summary>
internal static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<CliOutput> output)
    {
        var storage = StudyArguments.StorageOption();
        var study = StudyArguments.StudyOption();
        var what = new Option<string>("--what") { Description = "log (every trial) or card (the model card).", Required = true };
        what.AcceptOnlyFromAmong("log", "card");
        var format = new Option<string>("--format") { Description = "csv or json for the log; md or json for the card.", Required = true };
        format.AcceptOnlyFromAmong("csv", "json", "md");
        var path = new Option<string?>("--out", "-o") { Description = "The file to write; stdout when omitted." };
        var folds = ReportCommand.FoldsOption();
        var seed = StudyArguments.SeedOption();
        var command = new Command("export", "Export the tuning log or the model card.") { storage, study, what, format, path, folds, seed };
        command.SetAction(parse => Run(parse.GetValue(storage)!, parse.GetValue(study)!, parse.GetValue(what)!,
            parse.GetValue(format)!, parse.GetValue(path), parse.GetValue(folds), parse.GetValue(seed), output()));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string spec, string studyName, string what, string format, string? path, int? folds, int seed,
        CliOutput output) => CliErrors.Guard(output, () =>
    {
        Func<StudySnapshot, string> render = (what, format) switch
        {
            ("log", "csv") => TuningLogCsv.Write,
            ("log", "json") => TuningLogJson.Write,
            ("card", "md") => study => ModelCardMarkdown.Write(Card(study, folds, seed, output)),
            ("card", "json") => study => ModelCardJson.Write(Card(study, folds, seed, output), study.Space),
            _ => throw new CliException($"--what {what} cannot be written as {format}: the log is csv or json, the card md or json.", ExitCodes.Usage),
        };
        var text = render(StudyArguments.Load(spec, studyName));
        if (path is null)
        {
            output.Plain.Write(text);
        }
        else
        {
            output.Error.WriteLine("wrote " + AtomicFile.WriteAllText(path, text));
        }

        return ExitCodes.Ok;
    });

    private static ModelCard Card(StudySnapshot study, int? folds, int seed, CliOutput output)
    {
        var card = ModelCard.Build(study, new ImportanceOptions { Seed = seed }, new UncertaintyOptions { FoldsPerTrial = folds }, DateTimeOffset.UtcNow);
        foreach (var note in card.Notes)
        {
            output.Error.WriteLine("note: " + note);
        }

        return card;
    }
}
