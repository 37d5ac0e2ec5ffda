using System.Globalization;
using System.Text.Json;
using Dials.Analysis;

namespace Dials.Reporting.Export;

/// <summary>
/// The tuning log as JSON: the study's name, direction (and every direction, for a study of several objectives) and
/// search space, then every trial in number order with its state, value (values, one per objective, and constraints
/// where recorded), start, duration, parameters (typed, by dimension name; inactive ones left out), intermediate
/// values, and, where recorded, the fail reason and the strategy that proposed it with its reason. Written with <see cref="Utf8JsonWriter"/>, so it needs no reflection (trimming and NativeAOT safe).
/// </summary>
public static class TuningLogJson
{
    /// <summary>The log as indented JSON text.</summary>
    /// <param name="study">The study.</param>
    public static string Write(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return JsonValues.Text(json => Write(json, study));
    }

    /// <summary>Writes the log as one JSON object.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="study">The study.</param>
    public static void Write(Utf8JsonWriter json, StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(study);
        json.WriteStartObject();
        JsonValues.WriteStudyHeader(json, study.Name, study.Direction, [.. study.Space.Dimensions.Select(d => d.ToString())]);
        if (study.IsMultiObjective)
        {
            JsonValues.WriteStrings(json, "directions", study.Directions.Select(d => d.ToString()));
        }

        if (study.ObjectiveNames is { } names)
        {
            JsonValues.WriteStrings(json, "objectiveNames", names);
        }

        json.WriteStartArray("trials");
        foreach (var trial in study.Trials)
        {
            WriteTrial(json, study.Space, trial);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The log as JSON Lines: one compact object per trial, in number order, with the fields of
    /// <see cref="Write(StudySnapshot)"/>'s trials, for logs read line by line (grep, jq, a spreadsheet import).</summary>
    /// <param name="study">The study.</param>
    /// <param name="writer">Where the lines go.</param>
    /// <param name="extra">Writes more fields of a trial (what only the caller knows, e.g. fold scores) into its object;
    /// null for none.</param>
    public static void WriteLines(StudySnapshot study, TextWriter writer, Action<Utf8JsonWriter, TrialRecord>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var trial in study.Trials)
        {
            writer.Write(JsonValues.Text(json => WriteTrial(json, study.Space, trial, extra), indented: false));
        }
    }

    private static void WriteTrial(Utf8JsonWriter json, SearchSpace space, TrialRecord trial, Action<Utf8JsonWriter, TrialRecord>? extra = null)
    {
        json.WriteStartObject();
        json.WriteNumber("number", trial.Number);
        json.WriteString("state", trial.State.ToString());
        JsonValues.WriteNumber(json, "value", trial.Value);
        if (trial.Values is { } values)
        {
            // One per objective; a trial of a single-objective study usually has only "value".
            json.WriteStartArray("values");
            foreach (var value in values)
            {
                JsonValues.WriteNumber(json, value);
            }

            json.WriteEndArray();
        }

        if (trial.Constraints is { } constraints)
        {
            json.WriteStartObject("constraints");
            foreach (var constraint in constraints)
            {
                JsonValues.WriteNumber(json, constraint.Name, constraint.Value);
            }

            json.WriteEndObject();
        }

        json.WriteString("start", trial.Start.ToString("O", CultureInfo.InvariantCulture));
        JsonValues.WriteNumber(json, "durationSeconds", trial.Duration?.TotalSeconds);
        JsonValues.WriteParameters(json, "parameters", ParameterValue.Of(space, trial.Point));
        json.WriteStartArray("intermediate");
        foreach (var value in trial.Intermediate)
        {
            json.WriteStartObject();
            json.WriteNumber("step", value.Step);
            JsonValues.WriteNumber(json, "value", value.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (trial.FailReason is not null)
        {
            json.WriteString("failReason", trial.FailReason);
        }

        if (trial.Strategy is not null)
        {
            json.WriteString("strategy", trial.Strategy);
        }

        if (trial.StrategyReason is not null)
        {
            json.WriteString("strategyReason", trial.StrategyReason);
        }

        extra?.Invoke(json, trial);
        json.WriteEndObject();
    }
}
