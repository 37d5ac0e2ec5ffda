using System.Text.Json;

namespace Dials.Reporting.Export;

/// <summary>The pieces every export writes (study header, scores, parameters) in JSON without reflection. Values keep
/// their types as the core's <see cref="JsonValueWriter"/> writes them (shared with <see cref="ConfigurationJson"/>,
/// so an exported configuration and a tuned appsettings file agree).</summary>
internal static class JsonValues
{
    public static void WriteNumber(Utf8JsonWriter json, double value) => JsonValueWriter.WriteNumber(json, value);

    public static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        if (value is { } number)
        {
            WriteNumber(json, number);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>A typed parameter value as <see cref="Dimension.ToValue"/> gives it.</summary>
    public static void WriteValue(Utf8JsonWriter json, object value) => JsonValueWriter.WriteValue(json, value);

    /// <summary>What every export starts with: the study's name, direction and search space (one line per dimension).</summary>
    public static void WriteStudyHeader(Utf8JsonWriter json, string study, Direction direction, IReadOnlyList<string> space)
    {
        json.WriteString("study", study);
        json.WriteString("direction", direction.ToString());
        WriteStrings(json, "searchSpace", space);
    }

    /// <summary>Writes an array of strings.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Writes parameters as an object of typed values by dimension name.</summary>
    public static void WriteParameters(Utf8JsonWriter json, string name, IEnumerable<ParameterValue> parameters)
    {
        json.WriteStartObject(name);
        foreach (var parameter in parameters)
        {
            json.WritePropertyName(parameter.Name);
            WriteValue(json, parameter.Value);
        }

        json.WriteEndObject();
    }

    /// <summary>The text <paramref name="write"/> produces, ending with a line feed.</summary>
    public static string Text(Action<Utf8JsonWriter> write, bool indented = true) => JsonValueWriter.Text(write, indented);
}
