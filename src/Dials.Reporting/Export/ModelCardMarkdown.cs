using System.Globalization;
using System.Text;
using Dials.Reporting.Html.Markup;

namespace Dials.Reporting.Export;

/// <summary>A <see cref="ModelCard"/> as Markdown: a page to commit next to the model or paste into a pull request.</summary>
public static class ModelCardMarkdown
{
    /// <summary>The card as Markdown text.</summary>
    /// <param name="card">The card.</param>
    public static string Write(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var trials = card.Trials;
        md.AppendLine(inv, $"# Model card: {Inline(card.Study)}").AppendLine();
        md.AppendLine(inv, $"- Direction: {card.Direction.ToString().ToLowerInvariant()}");
        md.AppendLine(inv, $"- Trials: {trials.Total} ({trials.Complete} complete, {trials.Pruned} pruned, {trials.Failed} failed, {trials.Running} running)");
        if (card.Strategies.Count > 0)
        {
            md.AppendLine(inv, $"- Trials by strategy: {Inline(string.Join(", ", card.Strategies.Select(s => $"{s.Strategy} {s.Trials.ToString(inv)}")))}");
        }

        md.AppendLine(inv, $"- Generated: {card.GeneratedAt.ToString("u", inv)} by Dials {card.DialsVersion}").AppendLine();

        md.AppendLine("## Search space").AppendLine();
        foreach (var line in card.SearchSpace)
        {
            md.AppendLine(inv, $"- {Inline(line)}");
        }

        md.AppendLine();
        if (card.Best is { } best)
        {
            md.AppendLine(inv, $"## Best configuration (trial {best.Trial})").AppendLine();
            md.AppendLine(inv, $"Value: {Number(best.Value)}").AppendLine();
            md.AppendLine(inv, $"Proposed by: {Inline(best.Strategy ?? StrategySummary.NotRecorded)}{(best.StrategyReason is { } why ? $" ({Inline(why)})" : "")}").AppendLine();
            Table(md, ["Parameter", "Value"], best.Parameters.Select(p => new[] { p.Name, p.Text }));
        }
        else
        {
            md.AppendLine("## Best configuration").AppendLine().AppendLine("No trial completed.").AppendLine();
        }

        if (card.Uncertainty is { } uncertainty)
        {
            md.AppendLine("## Top configurations").AppendLine();
            Table(md, ["Rank", "Trials", "Mean", "Std", "Samples", "Parameters"], uncertainty.Top.Select((c, i) => new[]
            {
                (i + 1).ToString(inv),
                string.Join(", ", c.TrialNumbers.Select(n => n.ToString(inv))),
                Number(c.Mean),
                Number(c.StandardDeviation),
                $"{c.Samples.ToString(inv)} ({c.Source.ToString().ToLowerInvariant()})",
                string.Join(", ", c.Parameters.Select(p => $"{p.Key}={p.Value}")),
            }));
            md.AppendLine("## Warnings").AppendLine();
            if (uncertainty.Warnings.Count == 0)
            {
                md.AppendLine("None.");
            }

            foreach (var warning in uncertainty.Warnings)
            {
                md.AppendLine(inv, $"- {Inline(warning.Message)}");
            }

            md.AppendLine();
        }

        if (card.Importance is { } importance)
        {
            md.AppendLine(inv, $"## Importance ({importance.Method}, {importance.TrialsUsed} trials)").AppendLine();
            Table(md, ["Parameter", "Importance", "Spread"], importance.Dimensions.Select(d => new[]
            {
                d.Name, Invariant.Percent(d.Importance), Invariant.Percent(d.Spread),
            }));
            foreach (var note in importance.Notes)
            {
                md.AppendLine(inv, $"- {Inline(note)}");
            }

            if (importance.Notes.Count > 0)
            {
                md.AppendLine();
            }
        }

        foreach (var section in card.Sections ?? [])
        {
            md.AppendLine(inv, $"## {Inline(section.Title)}").AppendLine();
            foreach (var fact in section.Facts)
            {
                md.AppendLine(inv, $"- {Inline(fact.Name)}: {Inline(fact.Text)}");
            }

            md.AppendLine();
        }

        if (card.Notes.Count > 0)
        {
            md.AppendLine("## Notes").AppendLine();
            foreach (var note in card.Notes)
            {
                md.AppendLine(inv, $"- {Inline(note)}");
            }

            md.AppendLine();
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        md.Append('|').AppendJoin("", header.Select(_ => "---|")).AppendLine();
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    // A stored name or choice is text from anywhere: it must not end a table cell or a list item early.
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inline(string text) => text.ReplaceLineEndings(" ");
}
