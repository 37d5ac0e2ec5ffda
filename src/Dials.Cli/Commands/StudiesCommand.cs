using System.CommandLine;
using Dials.Analysis;
using Dials.Reporting;
using Dials.Reporting.Export;
using Dials.Storage;
using Spectre.Console;

namespace Dials.Cli.Commands;

/// <summary><c>dials studies</c>: every study in a storage with its trial counts and best value.</summary>
internal static class StudiesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<CliOutput> output)
    {
        var storage = StudyArguments.StorageOption();
        var command = new Command("studies", "List the studies in a storage: direction, trials by state, best value.") { storage };
        command.SetAction(parse => Run(parse.GetValue(storage)!, output()));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string spec, CliOutput output) => CliErrors.Guard(output, () =>
    {
        var storage = StudyArguments.Open(spec);
        try
        {
            return Show(storage, output);
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    });

    /// <summary>Runs the command on an open storage (what tests use for a storage that keeps every direction).</summary>
    public static int Run(IStudyStorage storage, CliOutput output) => CliErrors.Guard(output, () => Show(storage, output));

    private static int Show(IStudyStorage storage, CliOutput output)
    {
        var studies = storage.ListStudies();
        if (studies.Count == 0)
        {
            output.Error.WriteLine("The storage holds no studies.");
            return ExitCodes.Ok;
        }

        var table = new Table()
            .AddColumn("Study")
            .AddColumn("Direction")
            .AddColumn(new TableColumn("Trials").RightAligned())
            .AddColumn(new TableColumn("Complete").RightAligned())
            .AddColumn(new TableColumn("Pruned").RightAligned())
            .AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Running").RightAligned())
            .AddColumn(new TableColumn("Best").RightAligned())
            .AddColumn(new TableColumn("CPU min").RightAligned());
        foreach (var stored in studies)
        {
            var snapshot = StudySnapshot.Load(storage, stored);
            var counts = TrialCounts.Of(snapshot.Trials);
            table.AddRow(
                Markup.Escape(stored.Name),
                // Named objectives read "rmse Minimize, latency Minimize"; unnamed ones their directions alone.
                Markup.Escape(string.Join(", ", stored.Directions.Select((d, i) => stored.ObjectiveNames is { } names ? $"{names[i]} {d}" : $"{d}"))),
                Count(counts.Total), Count(counts.Complete), Count(counts.Pruned), Count(counts.Failed), Count(counts.Running),
                // No single value is best among several objectives: the size of the front stands in its place.
                snapshot.IsMultiObjective ? $"front of {Count(StudyFront.Of(snapshot).Front.Count)}" : CliText.Value(snapshot.Best?.Value),
                // The processor time the search cost; "-" when no trial was measured (a study stored before it was kept).
                TuningCost.Of(snapshot.Trials) is { Measured: > 0 } cost
                    ? cost.CpuTime.TotalMinutes.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)
                    : "-");
        }

        output.Out.Write(table);
        return ExitCodes.Ok;
    }

    private static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
