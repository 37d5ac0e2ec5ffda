using System.Globalization;
using Spectre.Console;

namespace Dials.Cli.Simulation;

/// <summary>The console table of a simulation: median regret per strategy at each checkpoint.</summary>
public static class RegretTable
{
    /// <summary>A table with one row per strategy and one column per checkpoint (the best median per column is
    /// bold), then the median wall-clock seconds of one study and, when recorded, its median CPU seconds.</summary>
    public static Table Render(SimulationResult result)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{result.Function}: median regret over {result.Seeds} seeds (best found - optimum)");
        table.AddColumn("sampler");
        foreach (var checkpoint in result.Checkpoints)
        {
            table.AddColumn(new TableColumn($"@{checkpoint}").RightAligned());
        }

        table.AddColumn(new TableColumn("s/study").RightAligned());
        var withCpu = result.Samplers.Any(s => s.StudyCpuSeconds is not null);
        if (withCpu)
        {
            table.AddColumn(new TableColumn("CPU s/study").RightAligned());
        }

        var best = result.Checkpoints.Select(c => result.Samplers.Min(s => s.MedianAt(c))).ToArray();
        foreach (var curves in result.Samplers)
        {
            var cells = new List<string> { Markup.Escape(curves.Sampler) };
            for (var i = 0; i < best.Length; i++)
            {
                var median = curves.MedianAt(result.Checkpoints[i]);
                var text = Format(median);
                cells.Add(median == best[i] ? $"[bold]{text}[/]" : text);
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

    /// <summary>A regret as four significant digits, invariant culture.</summary>
    public static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
