using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dials;

/// <summary>Writes parameter values to JSON without reflection, keeping their types: whole numbers as integers, bools as
/// bools, choices and enum names as strings. Non-finite numbers, which JSON cannot hold, are written as the strings
/// "NaN", "Infinity" and "-Infinity" (what System.Text.Json reads back with named floating-point literals allowed).
/// In the core because <see cref="ConfigurationJson"/> (used by the options binding) writes values this way;
/// Dials.Reporting's exports share it (internals visible: the packages are built and versioned together).</summary>
internal static class JsonValueWriter
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

    /// <summary>Indented, and without escaping non-ASCII letters or HTML characters: these files are read by people
    /// and configuration loaders, never embedded in a page.</summary>
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same without indentation: one JSON value on one line (JSON Lines files).</summary>
    public static readonly JsonWriterOptions Compact = Options with { Indented = false };

    /// <summary>The text <paramref name="write"/> produces, ending with a line feed.</summary>
    /// <param name="write">Writes one JSON value.</param>
    /// <param name="indented">Indented (the default), or on one line.</param>
    public static string Text(Action<Utf8JsonWriter> write, bool indented = true)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, indented ? Options : Compact))
        {
            write(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
