using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dials.Storage.Sql;

/// <summary>
/// Writes a trial's objective values and constraint values as JSON text and reads them back bit for bit:
/// values as an array of numbers (<c>[0.25,-0]</c>), constraints as an array of objects
/// (<c>[{"name":"latency","value":0.5}]</c>) in the order given.
/// </summary>
/// <remarks>Unlike a point (<see cref="PointJson"/>), a result may hold any double: NaN and the infinities are written
/// as the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>, as the journal writes them, since the storage
/// keeps what the study gave it and judges nothing. Every other double is written as the shortest decimal that reads
/// back as the same double, negative zero as <c>-0</c>.</remarks>
internal static class ResultJson
{
    public static string? WriteValues(IReadOnlyList<double>? values) =>
        values is null ? null : JsonText.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                WriteDouble(writer, value);
            }

            writer.WriteEndArray();
        });

    public static string? WriteConstraints(IReadOnlyList<ConstraintValue>? constraints) =>
        constraints is null ? null : JsonText.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var constraint in constraints)
            {
                writer.WriteStartObject();
                writer.WriteString("name", constraint.Name);
                writer.WritePropertyName("value");
                WriteDouble(writer, constraint.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    public static double[] ReadValues(string json) => JsonText.ReadArray(json, ReadDouble);

    public static ConstraintValue[] ReadConstraints(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var constraints = new List<ConstraintValue>();
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? name = null;
            var value = double.NaN;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                if (property == "name")
                {
                    name = reader.GetString();
                }
                else if (property == "value")
                {
                    value = ReadDouble(ref reader);
                }
            }

            constraints.Add(new ConstraintValue(name ?? throw new InvalidDataException($"A stored constraint has no name: {json}"), value));
        }

        return [.. constraints];
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static double ReadDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? double.Parse(reader.GetString()!, CultureInfo.InvariantCulture)
            : reader.GetDouble();
}
