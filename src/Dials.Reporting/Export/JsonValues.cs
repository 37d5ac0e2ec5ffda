using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dials.Reporting.Export;

/// <summary>Writes parameter values and scores to JSON without reflection, keeping their types: whole numbers as
/// integers, bools as bools, choices and enum names as strings. Non-finite numbers, which JSON cannot hold, are written
/// as the strings "NaN", "Infinity" and "-Infinity" (what System.Text.Json reads back with named floating-point
/// literals allowed).</summary>
internal static class JsonValues
{
    public static void WriteNumber(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

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
    public static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d:
                WriteNumber(json, d);
                break;
            case string or Enum:
                json.WriteStringValue(value.ToString());
                break;
            case IConvertible number:
                WriteNumber(json, number.ToDouble(CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

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

    /// <summary>Indented, and without escaping non-ASCII letters or HTML characters: these files are read by people
    /// and configuration loaders, never embedded in a page.</summary>
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text <paramref name="write"/> produces, ending with a line feed.</summary>
    public static string Text(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
