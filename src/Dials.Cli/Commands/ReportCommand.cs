using System.CommandLine;
using Dials.Analysis;
using Dials.Reporting;
using Dials.Reporting.Html;
using Spectre.Console;

namespace Dials.Cli.Commands;

/// <summary><c>dials report</c>: a self-contained HTML report of a study with every analysis its trials allow.</summary>
internal static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<CliOutput> output)
    {
        var storage = StudyArguments.StorageOption();
        var study = StudyArguments.StudyOption();
        var path = new Option<string>("--out", "-o") { Description = "The HTML file to write.", Required = true };
        var folds = FoldsOption();
        var seed = StudyArguments.SeedOption();
        var command = new Command("report", "Write an HTML report: trials, importance, sensitivity around the best, uncertainty.")
        {
            storage, study, path, folds, seed,
        };
        command.SetAction(parse => Run(parse.GetValue(storage)!, parse.GetValue(study)!, parse.GetValue(path)!,
            parse.GetValue(folds), parse.GetValue(seed), output()));
        return command;
    }

    /// <summary>A new <c>--folds</c> option: how the uncertainty analysis unwinds cross-validated trials.</summary>
    public static Option<int?> FoldsOption()
    {
        var folds = new Option<int?>("--folds")
        {
            Description = "Folds per trial when trials reported a running mean after each cross-validation fold (Dials.ML does), so the spread of each configuration is known.",
        };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 2)
            {
                result.AddError("--folds must be at least 2.");
            }
        });
        return folds;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string spec, string studyName, string path, int? folds, int seed, CliOutput output) =>
        CliErrors.Guard(output, () =>
        {
            var written = output.Progress.Status().Start("Reading the study", context =>
            {
                var study = StudyArguments.Load(spec, studyName);
                var content = ReportContent.Analyse(study, folds, seed, step => context.Status = step,
                    (name, why) => output.Error.WriteLine($"note: {name} left out of the report: {why}"));
                context.Status("Rendering");
                return HtmlReport.Write(path, content);
            });
            output.Plain.WriteLine(written);
            return ExitCodes.Ok;
        });
}
