using System.CommandLine;
using Dials.Analysis;
using Dials.Reporting;
using Spectre.Console;

namespace Dials.Cli.Commands;

/// <summary><c>dials trials</c>: a study's trials as a table, with the strategy that proposed each, filtered by state,
/// sorted by number or value.</summary>
internal static class TrialsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<CliOutput> output)
    {
        var storage = StudyArguments.StorageOption();
        var study = StudyArguments.StudyOption();
        var state = new Option<string?>("--state") { Description = "Only trials in this state." };
        state.AcceptOnlyFromAmong("complete", "pruned", "failed", "running");
        var sort = new Option<string>("--sort")
        {
            Description = "Order: number (as run) or value (best first; trials without a value last).",
            DefaultValueFactory = _ => "number",
        };
        sort.AcceptOnlyFromAmong("number", "value");
        var limit = new Option<int?>("--limit") { Description = "Show at most this many trials." };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--limit must be positive.");
            }
        });
        var command = new Command("trials", "List a study's trials: state, value (values, for several objectives), duration, strategy, parameters, fail reason.")
        {
            storage, study, state, sort, limit,
        };
        command.SetAction(parse => Run(parse.GetValue(storage)!, parse.GetValue(study)!, parse.GetValue(state),
            parse.GetValue(sort) == "value", parse.GetValue(limit), output()));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string spec, string studyName, string? state, bool byValue, int? limit, CliOutput output) =>
        CliErrors.Guard(output, () => Show(StudyArguments.Load(spec, studyName), state, byValue, limit, output));

    /// <summary>Runs the command on a study already read (what tests use for a storage that keeps every direction).</summary>
    public static int Run(StudySnapshot study, string? state, bool byValue, int? limit, CliOutput output) =>
        CliErrors.Guard(output, () => Show(study, state, byValue, limit, output));

    private static int Show(StudySnapshot study, string? state, bool byValue, int? limit, CliOutput output)
    {
        IEnumerable<TrialRecord> trials = study.Trials;
        if (state is not null)
        {
            var wanted = Enum.Parse<TrialState>(state, ignoreCase: true);
            trials = trials.Where(t => t.State == wanted);
        }

        if (byValue && study.IsMultiObjective)
        {
            var position = StudyFront.Ranked(study).Select((t, i) => (t.Number, i)).ToDictionary(p => p.Number, p => p.i);
            trials = trials.OrderBy(t => position.GetValueOrDefault(t.Number, int.MaxValue)).ThenBy(t => t.Number);
        }
        else if (byValue)
        {
            // Infeasible trials after the feasible ones: they are never the best, however good their value.
            trials = trials.OrderBy(t => t.Value is null).ThenBy(t => !StudyFront.IsFeasible(t)).ThenBy(t => Rank(study, t.Value)).ThenBy(t => t.Number);
        }

        var shown = (limit is { } n ? trials.Take(n) : trials).ToList();
        if (shown.Count == 0)
        {
            output.Error.WriteLine($"No trials{(state is null ? "" : $" in state {state}")} in study '{study.Name}'.");
            return ExitCodes.Ok;
        }

        var table = new Table()
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn("State")
            .AddColumn(new TableColumn(Markup.Escape(ValueHeading(study))).RightAligned())
            .AddColumn(new TableColumn("Duration").RightAligned())
            .AddColumn(new TableColumn("Strategy").NoWrap())
            .AddColumn("Parameters")
            .AddColumn("Fail reason");
        foreach (var trial in shown)
        {
            table.AddRow(
                trial.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                trial.State.ToString(),
                Value(trial),
                CliText.Duration(trial.Duration),
                Markup.Escape(trial.Strategy ?? ""),
                Markup.Escape(CliText.Parameters(study.Space, trial.Point)),
                Markup.Escape(trial.FailReason ?? ""));
        }

        output.Out.Write(table);
        return ExitCodes.Ok;
    }

    /// <summary>A trial's value, or its values in objective order for a study of several objectives, marked when the
    /// trial broke a constraint.</summary>
    private static string Value(TrialRecord trial) =>
        (trial.Values is { Count: > 1 } values ? string.Join(", ", values.Select(v => CliText.Value(v))) : CliText.Value(trial.Value))
        + (trial.State == TrialState.Complete && !StudyFront.IsFeasible(trial) ? " (infeasible)" : "");

    /// <summary>"Value", or the objectives' stored names in order ("rmse, latency") for a study of several named objectives.</summary>
    private static string ValueHeading(StudySnapshot study) =>
        study.IsMultiObjective && study.ObjectiveNames is { } names ? string.Join(", ", names) : "Value";

    // Best first whatever the direction: maximised values sort descending.
    private static double Rank(StudySnapshot study, double? value) =>
        value is not { } v ? 0 : study.Direction == Direction.Minimize ? v : -v;
}
