using System.Globalization;
using System.Text.Json;

namespace Dials.Reporting.Export;

/// <summary>A <see cref="ModelCard"/> as JSON, for tools: written with <see cref="Utf8JsonWriter"/>, no reflection.
/// Parameters keep their types; the best configuration also comes as an appsettings fragment
/// (<c>configuration</c>, under <c>Hyperparameters</c>) ready to paste.</summary>
public static class ModelCardJson
{
    /// <summary>The section the best configuration is written under.</summary>
    public const string Section = "Hyperparameters";

    /// <summary>The card as indented JSON text.</summary>
    /// <param name="card">The card.</param>
    /// <param name="space">The study's space, for the configuration fragment; leave null to omit it.</param>
    public static string Write(ModelCard card, SearchSpace? space = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonValues.Text(json => Write(json, card, space));
    }

    /// <summary>Writes the card as one JSON object.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="card">The card.</param>
    /// <param name="space">The study's space, for the configuration fragment; leave null to omit it.</param>
    public static void Write(Utf8JsonWriter json, ModelCard card, SearchSpace? space = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(card);
        json.WriteStartObject();
        JsonValues.WriteStudyHeader(json, card.Study, card.Direction, card.SearchSpace);
        if (card.Front is not null)
        {
            JsonValues.WriteStrings(json, "directions", card.Directions.Select(d => d.ToString()));
            if (card.ObjectiveNames is { } names)
            {
                JsonValues.WriteStrings(json, "objectiveNames", names);
            }
        }

        json.WriteStartObject("trials");
        json.WriteNumber("total", card.Trials.Total);
        json.WriteNumber("complete", card.Trials.Complete);
        json.WriteNumber("pruned", card.Trials.Pruned);
        json.WriteNumber("failed", card.Trials.Failed);
        json.WriteNumber("running", card.Trials.Running);
        json.WriteEndObject();
        if (card.Cost is { } cost)
        {
            // Seconds, so a consumer adds them up without parsing durations.
            json.WriteStartObject("cost");
            json.WriteNumber("finishedTrials", cost.Finished);
            json.WriteNumber("trialSeconds", cost.TrialTime.TotalSeconds);
            json.WriteNumber("cpuSeconds", cost.CpuTime.TotalSeconds);
            json.WriteNumber("cpuMeasuredTrials", cost.Measured);
            if (card.PricePerCpuHour is { } price)
            {
                json.WriteNumber("pricePerCpuHour", price);
                json.WriteNumber("price", price * cost.CpuHours);
            }

            if (card.Gain is { } gain)
            {
                json.WriteStartObject("gainOverDefaults");
                json.WriteNumber("defaultsTrial", gain.DefaultsTrial);
                json.WriteNumber("defaultsValue", gain.DefaultsValue);
                json.WriteNumber("bestTrial", gain.BestTrial);
                json.WriteNumber("gain", gain.Gain);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        WriteStrategies(json, card.Strategies);
        WriteBest(json, card.Best, space);
        if (card.Front is { } front)
        {
            WriteFront(json, front);
        }

        if (card.Chosen is { } chosen)
        {
            WriteChosen(json, card, chosen, space);
        }

        WriteUncertainty(json, card);
        WriteImportance(json, card);
        WriteSections(json, card.Sections);
        JsonValues.WriteStrings(json, "notes", card.Notes);
        json.WriteString("generatedAt", card.GeneratedAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteString("dialsVersion", card.DialsVersion);
        json.WriteEndObject();
    }

    /// <summary>The author's sections as <c>"sections": [{ "title": ..., "facts": { NAME: VALUE } }]</c>; a fact without a
    /// value gives its text.</summary>
    private static void WriteSections(Utf8JsonWriter json, IReadOnlyList<CardSection>? sections)
    {
        if (sections is not { Count: > 0 })
        {
            return;
        }

        json.WriteStartArray("sections");
        foreach (var section in sections)
        {
            json.WriteStartObject();
            json.WriteString("title", section.Title);
            json.WriteStartObject("facts");
            foreach (var fact in section.Facts)
            {
                json.WritePropertyName(fact.Name);
                JsonValues.WriteValue(json, fact.Value ?? fact.Text);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteBest(Utf8JsonWriter json, BestConfiguration? best, SearchSpace? space)
    {
        json.WritePropertyName("best");
        if (best is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteNumber("trial", best.Trial);
        JsonValues.WriteNumber(json, "value", best.Value);
        json.WriteString("strategy", best.Strategy);
        json.WriteString("strategyReason", best.StrategyReason);
        JsonValues.WriteParameters(json, "parameters", best.Parameters);
        if (space is not null)
        {
            json.WriteStartObject("configuration");
            ConfigurationJson.WriteSection(json, Section, space, best.Point);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The front as <c>"front": { "count", "feasible", "infeasible", "shown", "trials": [...] }</c>, the trials
    /// along the first objective and at most <see cref="ParetoSummary.MostRows"/> of them, as in the Markdown form.</summary>
    private static void WriteFront(Utf8JsonWriter json, ParetoSummary front)
    {
        var shown = front.Shown;
        json.WriteStartObject("front");
        json.WriteNumber("count", front.Trials.Count);
        json.WriteNumber("feasible", front.Feasible);
        json.WriteNumber("infeasible", front.Infeasible);
        json.WriteNumber("shown", shown.Count);
        json.WriteStartArray("trials");
        foreach (var trial in shown)
        {
            json.WriteStartObject();
            WriteFrontTrial(json, trial);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFrontTrial(Utf8JsonWriter json, FrontTrial trial)
    {
        json.WriteNumber("trial", trial.Trial);
        json.WriteStartArray("values");
        foreach (var value in trial.Values)
        {
            JsonValues.WriteNumber(json, value);
        }

        json.WriteEndArray();
        json.WriteStartObject("constraints");
        foreach (var constraint in trial.Constraints)
        {
            JsonValues.WriteNumber(json, constraint.Name, constraint.Value);
        }

        json.WriteEndObject();
        JsonValues.WriteParameters(json, "parameters", trial.Parameters);
        json.WriteString("strategy", trial.Strategy);
    }

    /// <summary>The chosen configuration: its trial, the rule in words and, when it is on the front, its values,
    /// constraints, parameters and (given the space) its appsettings fragment.</summary>
    private static void WriteChosen(Utf8JsonWriter json, ModelCard card, ChosenPoint chosen, SearchSpace? space)
    {
        json.WriteStartObject("chosen");
        if (card.Front?.Find(chosen.TrialNumber) is { } trial)
        {
            WriteFrontTrial(json, trial);
            json.WriteString("why", chosen.Why);
            json.WriteBoolean("onFront", true);
            if (space is not null)
            {
                json.WriteStartObject("configuration");
                ConfigurationJson.WriteSection(json, Section, space, trial.Point);
                json.WriteEndObject();
            }
        }
        else
        {
            json.WriteNumber("trial", chosen.TrialNumber);
            json.WriteString("why", chosen.Why);
            json.WriteBoolean("onFront", false);
        }

        json.WriteEndObject();
    }

    private static void WriteStrategies(Utf8JsonWriter json, IReadOnlyList<StrategySummary> strategies)
    {
        json.WriteStartArray("strategies");
        foreach (var strategy in strategies)
        {
            json.WriteStartObject();
            json.WriteString("strategy", strategy.Strategy);
            json.WriteNumber("trials", strategy.Trials);
            json.WriteNumber("complete", strategy.Complete);
            json.WritePropertyName("bestTrial");
            if (strategy.BestTrial is { } number)
            {
                json.WriteNumberValue(number);
            }
            else
            {
                json.WriteNullValue();
            }

            JsonValues.WriteNumber(json, "bestValue", strategy.BestValue);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteUncertainty(Utf8JsonWriter json, ModelCard card)
    {
        json.WritePropertyName("uncertainty");
        if (card.Uncertainty is not { } uncertainty)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        JsonValues.WriteNumber(json, "noise", uncertainty.Noise);
        JsonValues.WriteNumber(json, "selectionBias", uncertainty.SelectionBias);
        json.WriteStartArray("top");
        foreach (var configuration in uncertainty.Top)
        {
            json.WriteStartObject();
            json.WriteStartArray("trials");
            foreach (var number in configuration.TrialNumbers)
            {
                json.WriteNumberValue(number);
            }

            json.WriteEndArray();
            json.WriteStartObject("parameters");
            foreach (var (name, text) in configuration.Parameters)
            {
                json.WriteString(name, text);
            }

            json.WriteEndObject();
            JsonValues.WriteNumber(json, "mean", configuration.Mean);
            JsonValues.WriteNumber(json, "standardDeviation", configuration.StandardDeviation);
            json.WriteNumber("samples", configuration.Samples);
            json.WriteString("source", configuration.Source.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in uncertainty.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("kind", warning.Kind.ToString());
            json.WriteString("message", warning.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteImportance(Utf8JsonWriter json, ModelCard card)
    {
        json.WritePropertyName("importance");
        if (card.Importance is not { } importance)
        {
            json.WriteNullValue();
            return;
        }

        ImportanceJson.Write(json, importance);
    }
}
