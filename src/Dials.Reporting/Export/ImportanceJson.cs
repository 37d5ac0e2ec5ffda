using System.Text.Json;
using Dials.Analysis;

namespace Dials.Reporting.Export;

/// <summary>Importances as JSON, for tools and for the model card: method, trials used, each dimension's share and
/// spread (most important first), and the notes.</summary>
public static class ImportanceJson
{
    /// <summary>The importances as indented JSON text, naming the study; with <paramref name="elapsed"/>, how long the
    /// analysis took (<c>elapsedMs</c>), for comparisons between tools.</summary>
    /// <param name="study">The study's name.</param>
    /// <param name="importance">The importances.</param>
    /// <param name="elapsed">How long computing them took, or null to leave it out.</param>
    public static string Write(string study, ImportanceResult importance, TimeSpan? elapsed = null)
    {
        ArgumentNullException.ThrowIfNull(importance);
        return JsonValues.Text(json =>
        {
            json.WriteStartObject();
            json.WriteString("study", study);
            if (elapsed is { } time)
            {
                json.WriteNumber("elapsedMs", time.TotalMilliseconds);
            }

            WriteMembers(json, importance);
            json.WriteEndObject();
        });
    }

    /// <summary>Writes the importances as one JSON object.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="importance">The importances.</param>
    public static void Write(Utf8JsonWriter json, ImportanceResult importance)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(importance);
        json.WriteStartObject();
        WriteMembers(json, importance);
        json.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter json, ImportanceResult importance)
    {
        json.WriteString("method", importance.Method.ToString());
        json.WriteNumber("trialsUsed", importance.TrialsUsed);
        json.WriteStartArray("dimensions");
        foreach (var dimension in importance.Dimensions)
        {
            json.WriteStartObject();
            json.WriteString("name", dimension.Name);
            JsonValues.WriteNumber(json, "importance", dimension.Importance);
            JsonValues.WriteNumber(json, "spread", dimension.Spread);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonValues.WriteStrings(json, "notes", importance.Notes);
    }
}
