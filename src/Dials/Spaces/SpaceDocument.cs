using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dials;

/// <summary>
/// The search space as storages keep it (<see cref="SearchSpace.Signature"/>): a versioned JSON document with one
/// object per dimension, every value typed and escaped, written canonically so that two spaces have the same text
/// exactly when they search the same values under the same names and conditions (defaults aside).
/// </summary>
/// <remarks>
/// <code>{"format":"dials.space","version":1,"dimensions":[{"name":"Lr","kind":"float","low":1E-05,"high":0.1,"log":true,"step":0}, ...]}</code>
/// Kinds are <c>float</c>, <c>int</c> (low, high, log, step), <c>powerOfTwo</c> (low, high) and <c>choice</c> (choices,
/// each an object naming its type: <c>{"string":"adam"}</c>, <c>{"bool":true}</c>, <c>{"int":3}</c>,
/// <c>{"long":3}</c>, <c>{"double":0.5}</c>, <c>{"float":0.5}</c>, <c>{"enum":"System.DayOfWeek","name":"Monday"}</c>,
/// and <c>{"other":"System.Decimal","text":"0.5"}</c> for any other type). A conditional dimension has
/// <c>"when":{"parent":"Optimizer","values":[1]}</c> (the parent's internal values). Written with
/// <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>: no reflection, so it is trimming and
/// NativeAOT safe. Dials 0.1.0 kept the display lines instead (<see cref="LegacySignature"/> still reads them).
/// </remarks>
internal static class SpaceDocument
{
    public const string Format = "dials.space";

    public const int Version = 1;

    /// <summary>Whether <paramref name="signature"/> is a document (rather than the display lines of Dials 0.1.0).</summary>
    public static bool IsDocument(string signature) => signature.AsSpan().TrimStart().StartsWith("{");

    public static string Write(IReadOnlyList<Dimension> dimensions) => Json(json =>
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteStartArray("dimensions");
        foreach (var dimension in dimensions)
        {
            WriteDimension(json, dimension);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>One dimension's object alone, to name what differs between two spaces.</summary>
    public static string Write(Dimension dimension) => Json(json => WriteDimension(json, dimension));

    /// <exception cref="FormatException">The text is not a space document of a version this Dials reads, or a
    /// dimension in it cannot be read; the message names the dimension.</exception>
    public static IReadOnlyList<Dimension> Read(string signature)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(signature);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The stored search space is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "format") != Format)
            {
                throw new FormatException($"The stored search space is not a '{Format}' document.");
            }

            var version = root.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : 0;
            if (version != Version)
            {
                throw new FormatException(
                    $"The stored search space has format version {version}; this version of Dials reads version {Version}" +
                    (version > Version ? ", so it was written by a newer Dials." : "."));
            }

            if (!root.TryGetProperty("dimensions", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("The stored search space has no 'dimensions' array.");
            }

            var dimensions = new List<Dimension>();
            foreach (var element in list.EnumerateArray())
            {
                dimensions.Add(ReadDimension(element, dimensions.Count));
            }

            return dimensions;
        }
    }

    private static void WriteDimension(Utf8JsonWriter json, Dimension d)
    {
        json.WriteStartObject();
        json.WriteString("name", d.Name);
        switch (d.Kind)
        {
            case DimensionKind.Float:
                json.WriteString("kind", "float");
                json.WriteNumber("low", d.Low);
                json.WriteNumber("high", d.High);
                json.WriteBoolean("log", d.Log);
                json.WriteNumber("step", d.Step);
                break;
            case DimensionKind.Int:
                json.WriteString("kind", "int");
                json.WriteNumber("low", (long)d.Low);
                json.WriteNumber("high", (long)d.High);
                json.WriteBoolean("log", d.Log);
                json.WriteNumber("step", (long)d.Step);
                break;
            case DimensionKind.PowerOfTwo:
                json.WriteString("kind", "powerOfTwo");
                json.WriteNumber("low", (long)d.Low);
                json.WriteNumber("high", (long)d.High);
                break;
            default:
                json.WriteString("kind", "choice");
                json.WriteStartArray("choices");
                foreach (var choice in d.Choices)
                {
                    WriteChoice(json, choice);
                }

                json.WriteEndArray();
                break;
        }

        if (d.Condition is { } condition)
        {
            json.WriteStartObject("when");
            json.WriteString("parent", condition.Parent);
            json.WriteStartArray("values");
            foreach (var value in condition.Values)
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteChoice(Utf8JsonWriter json, object choice)
    {
        json.WriteStartObject();
        switch (choice)
        {
            case string s:
                json.WriteString("string", s);
                break;
            case bool b:
                json.WriteBoolean("bool", b);
                break;
            case int i:
                json.WriteNumber("int", i);
                break;
            case long l:
                json.WriteNumber("long", l);
                break;
            case double d:
                json.WriteNumber("double", d);
                break;
            case float f:
                json.WriteNumber("float", f);
                break;
            case Enum e:
                json.WriteString("enum", e.GetType().FullName);
                json.WriteString("name", e.ToString());
                break;
            case StoredChoice stored:
                json.WriteString(stored.IsEnum ? "enum" : "other", stored.Type);
                json.WriteString(stored.IsEnum ? "name" : "text", stored.Text);
                break;
            default:
                json.WriteString("other", choice.GetType().FullName);
                json.WriteString("text", Convert.ToString(choice, CultureInfo.InvariantCulture));
                break;
        }

        json.WriteEndObject();
    }

    private static Dimension ReadDimension(JsonElement element, int index)
    {
        var name = element.ValueKind == JsonValueKind.Object ? Text(element, "name") : null;
        var where = name is null ? $"Dimension {index + 1}" : $"Dimension {index + 1} ('{name}')";
        try
        {
            if (name is null)
            {
                throw new FormatException("it has no name");
            }

            var condition = element.TryGetProperty("when", out var when) ? ReadCondition(when) : null;
            return Text(element, "kind") switch
            {
                "float" => Dimension.Float(name, Number(element, "low"), Number(element, "high"), Bool(element, "log"),
                    Number(element, "step"), condition),
                "int" => Dimension.Int(name, Whole(element, "low"), Whole(element, "high"), Whole(element, "step"),
                    Bool(element, "log"), condition),
                "powerOfTwo" => Dimension.PowerOfTwo(name, Whole(element, "low"), Whole(element, "high"), condition),
                "choice" => Dimension.Categorical(name, ReadChoices(element), condition),
                var kind => throw new FormatException($"its kind '{kind}' is unknown"),
            };
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"{where} of the stored search space cannot be read: {exception.Message}", exception);
        }
    }

    private static DimensionCondition ReadCondition(JsonElement when)
    {
        var parent = Text(when, "parent") ?? throw new FormatException("its condition names no parent");
        return new DimensionCondition(parent, [.. when.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())]);
    }

    private static List<object> ReadChoices(JsonElement element)
    {
        var choices = new List<object>();
        foreach (var choice in element.GetProperty("choices").EnumerateArray())
        {
            var (type, value) = choice.EnumerateObject().FirstOrDefault() is { Value.ValueKind: not JsonValueKind.Undefined } first
                ? (first.Name, first.Value)
                : throw new FormatException("a choice is empty");
            choices.Add(type switch
            {
                "string" => value.GetString()!,
                "bool" => value.GetBoolean(),
                "int" => value.GetInt32(),
                "long" => value.GetInt64(),
                "double" => value.GetDouble(),
                "float" => value.GetSingle(),
                "enum" => new StoredChoice(true, value.GetString()!, Text(choice, "name") ?? throw new FormatException("an enum choice has no name")),
                "other" => new StoredChoice(false, value.GetString()!, Text(choice, "text") ?? throw new FormatException("a choice has no text")),
                _ => throw new FormatException($"a choice has the unknown type '{type}'"),
            });
        }

        return choices;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double Number(JsonElement element, string property) => element.GetProperty(property).GetDouble();

    private static long Whole(JsonElement element, string property) => element.GetProperty(property).GetInt64();

    private static bool Bool(JsonElement element, string property) => element.GetProperty(property).GetBoolean();

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
