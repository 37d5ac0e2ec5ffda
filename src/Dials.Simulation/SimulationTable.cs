using System.Globalization;
using Spectre.Console;

namespace Dials.Simulation;

/// <summary>The console table of a simulation: median regret (or hypervolume) per strategy at each checkpoint.</summary>
public static class SimulationTable
{
    /// <summary>A table with one row per strategy and one column per checkpoint (the best median per column is
    /// bold; a hypervolume is followed by its fraction of the optimal one, and the reference point is the caption),
    /// then the median wall-clock seconds of one study and, when recorded, its median CPU seconds. A function with a
    /// basin gets one more column: the median trials to reach it and how many seeds did.</summary>
    public static Table Render(SimulationResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(Title(result)));
        if (result.Reference is { } reference)
        {
            table.Caption(Markup.Escape($"hypervolume of the feasible complete trials at reference ({string.Join(", ", reference.Select(Format))})"));
        }

        table.AddColumn("sampler");
        foreach (var checkpoint in result.Checkpoints)
        {
            table.AddColumn(new TableColumn($"@{checkpoint}").RightAligned());
        }

        if (result.Basin is not null)
        {
            table.AddColumn(new TableColumn("trials to basin").RightAligned());
        }

        table.AddColumn(new TableColumn("s/study").RightAligned());
        var withCpu = result.Samplers.Any(s => s.StudyCpuSeconds is not null);
        if (withCpu)
        {
            table.AddColumn(new TableColumn("CPU s/study").RightAligned());
        }

        var best = result.Checkpoints.Select(c => result.Samplers.Min(s => result.Gap(s.MedianAt(c)))).ToArray();
        foreach (var curves in result.Samplers)
        {
            var cells = new List<string> { Markup.Escape(curves.Sampler) };
            for (var i = 0; i < best.Length; i++)
            {
                var median = curves.MedianAt(result.Checkpoints[i]);
                var text = Cell(result, median);
                cells.Add(result.Gap(median) == best[i] ? $"[bold]{text}[/]" : text);
            }

            if (result.BasinSummary(curves) is var (trials, reached))
            {
                cells.Add(FormatBasin(trials, reached, result.Trials, result.Seeds));
            }

            cells.Add(curves.MedianStudySeconds.ToString("G3", CultureInfo.InvariantCulture));
            if (withCpu)
            {
                cells.Add(curves.MedianStudyCpuSeconds?.ToString("G3", CultureInfo.InvariantCulture) ?? "-");
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }

    /// <summary>Median trials to the basin as "34 (20/20)": the median, then seeds that reached it of all seeds; a
    /// median past the budget shows as "&gt;300".</summary>
    public static string FormatBasin(double median, int reached, int trials, int seeds) =>
        (median > trials ? $">{trials}" : median.ToString("0.#", CultureInfo.InvariantCulture)) + $" ({reached}/{seeds})";

    private static string Title(SimulationResult result) => result.Measure == CurveMeasure.Hypervolume
        ? $"{result.Function}: median hypervolume over {result.Seeds} seeds{SeedRange(result)} (fraction of the optimal {result.Optimum.ToString("G10", CultureInfo.InvariantCulture)})"
        : $"{result.Function}: median regret over {result.Seeds} seeds{SeedRange(result)} (best found - optimum)";

    private static string Cell(SimulationResult result, double median) => result.Fraction(median) is { } fraction
        ? FormatHypervolume(median) + " (" + fraction.ToString("F4", CultureInfo.InvariantCulture) + ")"
        : Format(median);

    // Seeds other than the usual 0..n-1 (held-out runs) are named in the title.
    private static string SeedRange(SimulationResult result) =>
        result.FirstSeed == 0 ? "" : $" ({result.FirstSeed}-{result.FirstSeed + result.Seeds - 1})";

    /// <summary>A regret as four significant digits, invariant culture.</summary>
    public static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A hypervolume as six significant digits, invariant culture: near the optimum the differences between
    /// strategies lie in the later digits (DTLZ1's optimum is about 1e6).</summary>
    public static string FormatHypervolume(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
