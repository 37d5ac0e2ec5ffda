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
        json.WriteStartObject("trials");
        json.WriteNumber("total", card.Trials.Total);
        json.WriteNumber("complete", card.Trials.Complete);
        json.WriteNumber("pruned", card.Trials.Pruned);
        json.WriteNumber("failed", card.Trials.Failed);
        json.WriteNumber("running", card.Trials.Running);
        json.WriteEndObject();
        WriteStrategies(json, card.Strategies);
        WriteBest(json, card.Best, space);
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
