using System.Globalization;
using Dials.Analysis;

namespace Dials.Reporting.Export;

/// <summary>
/// The tuning log as CSV, one row per trial in number order: number, state, value, start (ISO 8601), duration in
/// seconds, one column per dimension (its value as <see cref="Dimension.Format"/> writes it, string choices unquoted, empty where inactive), the
/// count of intermediate values, the fail reason, and the strategy that proposed the trial with its reason (empty when
/// not recorded), then for a study of several objectives one column per objective (<c>value_1</c>, ...) and, when
/// trials set constraints, one column per constraint (<c>constraint_NAME</c>). RFC 4180 quoting, CRLF line ends, invariant culture: it opens the
/// same in a spreadsheet anywhere and parses with any CSV reader.
/// </summary>
public static class TuningLogCsv
{
    /// <summary>The fixed columns before the dimensions.</summary>
    public static readonly IReadOnlyList<string> LeadingColumns = ["number", "state", "value", "start", "duration_seconds"];

    /// <summary>The fixed columns after the dimensions.</summary>
    public static readonly IReadOnlyList<string> TrailingColumns = ["intermediate_count", "fail_reason", "strategy", "strategy_reason"];

    /// <summary>Writes the log.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="study">The study.</param>
    public static void Write(TextWriter writer, StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(study);
        var dimensions = study.Space.Dimensions;
        // Objective values and constraints go after every fixed column, so a reader of the single-objective layout
        // finds its columns where they always were.
        var objectives = study.IsMultiObjective ? study.Directions.Count : 0;
        var constraints = study.Trials.SelectMany(t => t.Constraints ?? []).Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        CsvText.WriteRecord(writer,
        [
            .. LeadingColumns, .. dimensions.Select(d => d.Name), .. TrailingColumns,
            .. Enumerable.Range(1, objectives).Select(i => $"value_{i.ToString(CultureInfo.InvariantCulture)}"),
            .. constraints.Select(c => "constraint_" + c),
        ]);
        foreach (var trial in study.Trials)
        {
            var hasPoint = trial.Point.Count == dimensions.Count;
            CsvText.WriteRecord(writer,
            [
                trial.Number.ToString(CultureInfo.InvariantCulture),
                trial.State.ToString(),
                CsvText.Number(trial.Value),
                trial.Start.ToString("O", CultureInfo.InvariantCulture),
                CsvText.Number(trial.Duration?.TotalSeconds),
                .. dimensions.Select((d, i) => hasPoint && !double.IsNaN(trial.Point[i]) ? Cell(d, trial.Point[i]) : ""),
                trial.Intermediate.Count.ToString(CultureInfo.InvariantCulture),
                trial.FailReason,
                trial.Strategy,
                trial.StrategyReason,
                .. Enumerable.Range(0, objectives).Select(i => i < trial.ObjectiveValues.Count ? CsvText.Number(trial.ObjectiveValues[i]) : ""),
                .. constraints.Select(name => CsvText.Number((trial.Constraints ?? []).Where(c => c.Name == name).Select(c => (double?)c.Value).FirstOrDefault())),
            ]);
        }
    }

    // A CSV field is already delimited, so a string choice goes in bare rather than quoted as Dimension.Format
    // writes it (quotes there tell "a, b" from two values in a list).
    private static string Cell(Dimension dimension, double value) =>
        dimension.Kind == DimensionKind.Categorical && dimension.ToValue(value) is string text ? text : dimension.Format(value);

    /// <summary>The log as text.</summary>
    /// <param name="study">The study.</param>
    public static string Write(StudySnapshot study)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, study);
        return writer.ToString();
    }
}
