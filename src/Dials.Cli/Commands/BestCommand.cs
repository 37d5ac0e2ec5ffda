using System.CommandLine;

namespace Dials.Cli.Commands;

/// <summary><c>dials best</c>: the best configuration as an appsettings.json fragment that <c>AddHyperparameters</c>
/// binds, printed as plain JSON so it can be redirected into a file.</summary>
internal static class BestCommand
{
    /// <summary>The section written when none is given.</summary>
    public const string DefaultSection = "Hyperparameters";

    /// <summary>Builds the command.</summary>
    public static Command Create(Func<CliOutput> output)
    {
        var storage = StudyArguments.StorageOption();
        var study = StudyArguments.StudyOption();
        var section = new Option<string>("--section")
        {
            Description = "The configuration section to write under (Training, or Models:Ranker for a nested one).",
            DefaultValueFactory = _ => DefaultSection,
        };
        var command = new Command("best", "Print the best configuration as an appsettings.json fragment.") { storage, study, section };
        command.SetAction(parse => Run(parse.GetValue(storage)!, parse.GetValue(study)!, parse.GetValue(section)!, output()));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string spec, string studyName, string section, CliOutput output) =>
        CliErrors.Guard(output, () => Show(CheckSection(section) ? StudyArguments.Load(spec, studyName) : null!, section, output));

    /// <summary>Runs the command on a study already read (what tests use for a storage that keeps every direction).</summary>
    public static int Run(StudySnapshot study, string section, CliOutput output) =>
        CliErrors.Guard(output, () => Show(CheckSection(section) ? study : null!, section, output));

    /// <summary>True for a configuration path; otherwise a usage error, before any storage is opened.</summary>
    private static bool CheckSection(string section) =>
        !string.IsNullOrWhiteSpace(section) && !section.Split(':').Any(string.IsNullOrWhiteSpace)
            ? true
            : throw new CliException($"--section '{section}' must be a configuration path such as Training or Models:Ranker.", ExitCodes.Usage);

    private static int Show(StudySnapshot study, string section, CliOutput output)
    {
        if (study.IsMultiObjective)
        {
            throw new CliException(
                $"study '{study.Name}' has {study.Directions.Count} objectives, so no single trial is best: `dials pareto --study {study.Name}` lists the trade-offs (its Pareto front), and the configuration to use is the front trial your rule picks.");
        }


        // A complete trial whose point a damaged storage lost has a value but no configuration: it cannot be the best,
        // and saying so keeps a better-looking value from being passed over in silence.
        foreach (var lost in study.Trials.Where(t => t.State == TrialState.Complete && t.Point.Count != study.Space.Dimensions.Count))
        {
            output.Error.WriteLine($"warning: trial {lost.Number} completed (value {CliText.Value(lost.Value)}), but the storage lost its configuration; it cannot be the best.");
        }

        var best = StudyArguments.RequireComplete(study).Best
            ?? throw new CliException($"study '{study.Name}' has no feasible complete trial: all {study.Complete.Count} complete trials broke a constraint.");
        output.Plain.Write(ConfigurationJson.Write(section, study.Space, best.Point));
        output.Error.WriteLine($"trial {best.Number}, value {CliText.Value(best.Value)}{(best.Strategy is { } strategy ? $", proposed by {strategy}" : "")}");
        return ExitCodes.Ok;
    }
}
