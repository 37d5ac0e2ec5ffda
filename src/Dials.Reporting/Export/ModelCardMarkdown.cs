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
        md.AppendLine(card.Front is null
            ? $"- Direction: {card.Direction.ToString().ToLowerInvariant()}"
            : $"- Objectives: {string.Join(", ", card.ObjectiveNames is null
                ? card.Directions.Select(d => d.ToString().ToLowerInvariant())
                : card.Directions.Select((_, i) => Inline(Objective(card.Directions, card.ObjectiveNames, i))))}");
        md.AppendLine(inv, $"- Trials: {trials.Total} ({trials.Complete} complete, {trials.Pruned} pruned, {trials.Failed} failed, {trials.Running} running)");
        if (card.Strategies.Count > 0)
        {
            md.AppendLine(inv, $"- Trials by strategy: {Inline(string.Join(", ", card.Strategies.Select(s => $"{s.Strategy} {s.Trials.ToString(inv)}")))}");
        }

        if (card.Cost is { Finished: > 0 } cost)
        {
            md.AppendLine(inv, $"- Cost: {cost.Describe(card.PricePerCpuHour)}{(card.Gain is { } gain ? $", for {gain.Describe()}" : "")}");
        }

        md.AppendLine(inv, $"- Generated: {card.GeneratedAt.ToString("u", inv)} by Dials {card.DialsVersion}").AppendLine();

        md.AppendLine("## Search space").AppendLine();
        foreach (var line in card.SearchSpace)
        {
            md.AppendLine(inv, $"- {Inline(line)}");
        }

        md.AppendLine();
        if (card.Front is { } front)
        {
            WriteFront(md, front);
        }
        else if (card.Best is { } best)
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

        if (card.Chosen is { } chosen)
        {
            WriteChosen(md, card, chosen);
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

    /// <summary>The front as a table: one column per objective (named by its number and direction, since studies store
    /// no names), one per constraint any front trial set, and the parameters.</summary>
    private static void WriteFront(StringBuilder md, ParetoSummary front)
    {
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"## Pareto front ({front.Trials.Count} trials)").AppendLine();
        md.AppendLine(inv, $"{front.Trials.Count} of {front.Feasible} feasible complete trials are on the front{(front.Infeasible > 0 ? $"; {front.Infeasible} infeasible trials (a constraint above 0) are never on it." : ".")}");
        var shown = front.Shown;
        if (shown.Count < front.Trials.Count)
        {
            md.AppendLine(inv, $"Shown: {shown.Count} of the {front.Trials.Count}, evenly spread along {Cell(StudyFront.ObjectiveLabel(front.ObjectiveNames, 0))} with both ends.");
        }

        md.AppendLine();
        if (front.Trials.Count == 0)
        {
            md.AppendLine("No feasible complete trial yet.").AppendLine();
            return;
        }

        var constraints = front.Trials.SelectMany(t => t.Constraints).Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        Table(md,
            [.. new[] { "Trial" }.Concat(front.Directions.Select((_, i) => Cell(Objective(front.Directions, front.ObjectiveNames, i))))
                .Concat(constraints.Select(c => $"{Cell(c)} (<= 0)")).Append("Parameters")],
            shown.Select(t => new[] { t.Trial.ToString(inv) }
                .Concat(t.Values.Select(Number))
                .Concat(constraints.Select(name => t.Constraints.Where(c => c.Name == name).Select(c => Number(c.Value)).FirstOrDefault() ?? ""))
                .Append(string.Join(", ", t.Parameters.Select(p => $"{p.Name}={p.Text}")))
                .ToArray()));
    }

    /// <summary>The chosen configuration with the rule that chose it, its values and its parameters.</summary>
    private static void WriteChosen(StringBuilder md, ModelCard card, ChosenPoint chosen)
    {
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"## Chosen configuration (trial {chosen.TrialNumber})").AppendLine();
        md.AppendLine(inv, $"Why: {Inline(chosen.Why)}").AppendLine();
        if (card.Front?.Find(chosen.TrialNumber) is not { } trial)
        {
            md.AppendLine(inv, $"Trial {chosen.TrialNumber} is not on the Pareto front{(card.Front is null ? " (the study has one objective)" : "")}.").AppendLine();
            return;
        }

        md.AppendLine(inv, $"Values: {string.Join(", ", trial.Values.Select((v, i) => $"{Inline(Objective(card.Directions, card.ObjectiveNames, i))} {Number(v)}"))}").AppendLine();
        if (trial.Constraints.Count > 0)
        {
            md.AppendLine(inv, $"Constraints: {Inline(string.Join(", ", trial.Constraints.Select(c => $"{c.Name} {Number(c.Value)}")))}").AppendLine();
        }

        Table(md, ["Parameter", "Value"], trial.Parameters.Select(p => new[] { p.Name, p.Text }));
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

    /// <summary>"rmse (minimize)" by the objective's stored name, or "objective 1 (minimize)" when it has none, in the
    /// words of the card's header line.</summary>
    private static string Objective(IReadOnlyList<Direction> directions, IReadOnlyList<string>? names, int index) =>
        $"{StudyFront.ObjectiveLabel(names, index)} ({directions[index].ToString().ToLowerInvariant()})";

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    // A stored name or choice is text from anywhere: it must not end a table cell or a list item early.
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inline(string text) => text.ReplaceLineEndings(" ");
}
