using System.CommandLine;
using System.Globalization;
using Dials.Reporting;
using Spectre.Console;

namespace Dials.Cli.Commands;

/// <summary><c>dials pareto</c>: the Pareto front of a stored study as a table, along the first objective: the feasible
/// complete trials no other beats in every objective, with their values, constraints and parameters. Infeasible trials
/// are never on it. On a single-objective study the front is the trials with the best value, and the command says so.</summary>
internal static class ParetoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<CliOutput> output)
    {
        var storage = StudyArguments.StorageOption();
        var study = StudyArguments.StudyOption();
        var limit = new Option<int?>("--limit") { Description = "Show at most this many front trials (best in the first objective first)." };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--limit must be positive.");
            }
        });
        var command = new Command("pareto", "List a study's Pareto front: each objective's value, constraints and parameters.")
        {
            storage, study, limit,
        };
        command.SetAction(parse => Run(parse.GetValue(storage)!, parse.GetValue(study)!, parse.GetValue(limit), output()));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string spec, string studyName, int? limit, CliOutput output) =>
        CliErrors.Guard(output, () => Show(StudyArguments.Load(spec, studyName), limit, output));

    /// <summary>Runs the command on a study already read (what tests use for a storage that keeps every direction).</summary>
    public static int Run(StudySnapshot study, int? limit, CliOutput output) => CliErrors.Guard(output, () => Show(study, limit, output));

    private static int Show(StudySnapshot study, int? limit, CliOutput output)
    {
        var front = StudyFront.Of(study);
        if (front.Front.Count == 0)
        {
            var counts = Dials.Reporting.Export.TrialCounts.Of(study.Trials);
            throw new CliException(front.Infeasible.Count > 0
                ? $"study '{study.Name}' has no feasible complete trial: all {front.Infeasible.Count} complete trials broke a constraint."
                : $"study '{study.Name}' has no complete trial yet ({counts.Total} trials: {counts.Pruned} pruned, {counts.Failed} failed, {counts.Running} running).");
        }

        var inv = CultureInfo.InvariantCulture;
        output.Error.WriteLine(study.IsMultiObjective
            ? $"{front.Front.Count.ToString(inv)} trials on the front of {front.Feasible.ToString(inv)} feasible complete trials"
              + (front.Infeasible.Count > 0 ? $" ({front.Infeasible.Count.ToString(inv)} infeasible trials left out)." : ".")
            : $"study '{study.Name}' has one objective ({study.Direction}), so its front is the trials with the best value"
              + (front.Infeasible.Count > 0 ? $" (infeasible trials left out)." : "."));

        var shown = limit is { } n ? front.FrontAlongFirst.Take(n).ToList() : front.FrontAlongFirst;
        var constraints = shown.SelectMany(t => t.Constraints ?? []).Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        var table = new Table().AddColumn(new TableColumn("#").RightAligned());
        for (var i = 0; i < study.Directions.Count; i++)
        {
            table.AddColumn(new TableColumn(Markup.Escape(Heading(study.Directions, study.ObjectiveNames, i))).RightAligned());
        }

        foreach (var name in constraints)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"{name} (<= 0)")).RightAligned());
        }

        table.AddColumn(new TableColumn("Strategy").NoWrap()).AddColumn("Parameters");
        foreach (var trial in shown)
        {
            table.AddRow([
                trial.Number.ToString(inv),
                .. trial.ObjectiveValues.Select(v => CliText.Value(v)),
                .. constraints.Select(name => CliText.Value((trial.Constraints ?? []).Where(c => c.Name == name).Select(c => (double?)c.Value).FirstOrDefault())),
                Markup.Escape(trial.Strategy ?? ""),
                Markup.Escape(CliText.Parameters(study.Space, trial.Point)),
            ]);
        }

        output.Out.Write(table);
        return ExitCodes.Ok;
    }

    /// <summary>"rmse (minimize)" by the objective's stored name; else "Objective 1 (minimize)", or "Value (minimize)"
    /// for a single objective.</summary>
    private static string Heading(IReadOnlyList<Direction> directions, IReadOnlyList<string>? names, int index) =>
        $"{(names is { } known ? known[index] : directions.Count == 1 ? "Value" : $"Objective {index + 1}")} ({directions[index].ToString().ToLowerInvariant()})";
}
