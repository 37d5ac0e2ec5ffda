using System.Buffers;
using System.Text.Json;

namespace Dials.Storage.Journal;

/// <summary>
/// Reads and writes a journal line (<see cref="JournalRecord"/>) with System.Text.Json's reader and writer directly.
/// </summary>
/// <remarks>
/// <para>Every worker on a journal reads every line the others append, so this is the journal's hot path. The
/// serializer's generic machinery cost several times the record's own parsing, and each worker process compiled
/// hundreds of its generic methods at start (a third of the methods a short-lived worker compiles), which is what four
/// short-lived workers on one journal mostly spend their processor on (docs/benchmarks.md).</para>
/// <para>The format is the one the serializer wrote (and the lines are byte for byte the same): a compact JSON object,
/// fields in a fixed order, absent fields left out, enums by name, non-finite numbers as the strings <c>"NaN"</c>,
/// <c>"Infinity"</c> and <c>"-Infinity"</c>, text escaped by the default encoder. Reading follows the serializer's
/// rules too: unknown fields are skipped (a later version's additions), a null is an absent field, the last of a
/// repeated field wins, and anything else (a wrong type, a missing <c>op</c> or <c>study</c>, text after the object)
/// is a <see cref="JsonException"/> saying which field.</para>
/// </remarks>
internal static class JournalCodec
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    /// <summary>Appends <paramref name="record"/> as one line, with its line end, to <paramref name="output"/>.</summary>
    public static void Write(JournalRecord record, ArrayBufferWriter<byte> output)
    {
        using (var json = new Utf8JsonWriter(output, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("op"u8, record.Op);
            json.WriteString("study"u8, record.Study);
            WriteInteger(json, "n"u8, record.Number);
            if (record.At is { } at)
            {
                json.WriteString("at"u8, at);
            }

            WriteString(json, "direction"u8, record.Direction?.ToString());
            WriteStrings(json, "directions"u8, record.Directions?.Select(d => d.ToString()));
            WriteStrings(json, "names"u8, record.ObjectiveNames);
            WriteString(json, "space"u8, record.Signature);
            WriteNumbers(json, "point"u8, record.Point);
            WriteInteger(json, "step"u8, record.Step);
            WriteNumber(json, "value"u8, record.Value);
            WriteString(json, "state"u8, record.State?.ToString());
            WriteInteger(json, "ticks"u8, record.DurationTicks);
            WriteInteger(json, "cpu"u8, record.CpuTicks);
            WriteString(json, "strategy"u8, record.Strategy);
            WriteString(json, "reason"u8, record.Reason);
            WriteNumbers(json, "values"u8, record.Values);
            if (record.Constraints is { } constraints)
            {
                json.WriteStartArray("constraints"u8);
                foreach (var constraint in constraints)
                {
                    json.WriteStartObject();
                    json.WriteString("name"u8, constraint.Name);
                    WriteNumber(json, "value"u8, constraint.Value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>Reads one line (without its line end).</summary>
    /// <exception cref="JsonException">The line is not a journal record: the message says where or which field.</exception>
    public static JournalRecord Read(ReadOnlySpan<byte> utf8)
    {
        var json = new Utf8JsonReader(utf8);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a journal record is a JSON object");
        }

        string? op = null, study = null, signature = null, strategy = null, reason = null;
        int? number = null;
        DateTimeOffset? at = null;
        Direction? direction = null;
        Direction[]? directions = null;
        string[]? names = null;
        double[]? point = null, values = null;
        long? step = null, ticks = null, cpu = null;
        double? value = null;
        TrialState? state = null;
        JournalConstraint[]? constraints = null;
        while (Next(ref json) == JsonTokenType.PropertyName)
        {
            var field = json;
            Next(ref json);
            if (field.ValueTextEquals("op"u8)) op = Text(ref json, "op");
            else if (field.ValueTextEquals("study"u8)) study = Text(ref json, "study");
            else if (field.ValueTextEquals("n"u8)) number = Int32(ref json, "n");
            else if (field.ValueTextEquals("at"u8)) at = Time(ref json, "at");
            else if (field.ValueTextEquals("direction"u8)) direction = Name<Direction>(ref json, "direction");
            else if (field.ValueTextEquals("directions"u8)) directions = Array(ref json, "directions", static (ref Utf8JsonReader r) => Name<Direction>(ref r, "directions") ?? throw WrongType("directions", "names"));
            else if (field.ValueTextEquals("names"u8)) names = Array(ref json, "names", static (ref Utf8JsonReader r) => Text(ref r, "names")!);
            else if (field.ValueTextEquals("space"u8)) signature = Text(ref json, "space");
            else if (field.ValueTextEquals("point"u8)) point = Array(ref json, "point", static (ref Utf8JsonReader r) => Number(ref r, "point") ?? throw WrongType("point", "numbers"));
            else if (field.ValueTextEquals("step"u8)) step = Int64(ref json, "step");
            else if (field.ValueTextEquals("value"u8)) value = Number(ref json, "value");
            else if (field.ValueTextEquals("state"u8)) state = Name<TrialState>(ref json, "state");
            else if (field.ValueTextEquals("ticks"u8)) ticks = Int64(ref json, "ticks");
            else if (field.ValueTextEquals("cpu"u8)) cpu = Int64(ref json, "cpu");
            else if (field.ValueTextEquals("strategy"u8)) strategy = Text(ref json, "strategy");
            else if (field.ValueTextEquals("reason"u8)) reason = Text(ref json, "reason");
            else if (field.ValueTextEquals("values"u8)) values = Array(ref json, "values", static (ref Utf8JsonReader r) => Number(ref r, "values") ?? throw WrongType("values", "numbers"));
            else if (field.ValueTextEquals("constraints"u8)) constraints = Array(ref json, "constraints", Constraint);
            else json.Skip(); // A field of a later version.
        }

        if (json.TokenType != JsonTokenType.EndObject || json.Read())
        {
            throw new JsonException("text after the record's closing brace");
        }

        return new JournalRecord
        {
            Op = op ?? throw Missing("op"),
            Study = study ?? throw Missing("study"),
            Number = number, At = at, Direction = direction, Directions = directions, ObjectiveNames = names, Signature = signature,
            Point = point, Step = step, Value = value, State = state, DurationTicks = ticks, CpuTicks = cpu, Strategy = strategy,
            Reason = reason, Values = values, Constraints = constraints,
        };
    }

    private delegate T ReadItem<T>(ref Utf8JsonReader json);

    private static JsonTokenType Next(ref Utf8JsonReader json) =>
        json.Read() ? json.TokenType : throw new JsonException("the record ends before its closing brace");

    private static JournalConstraint Constraint(ref Utf8JsonReader json)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw WrongType("constraints", "objects");
        }

        string? name = null;
        double? value = null;
        while (Next(ref json) == JsonTokenType.PropertyName)
        {
            var field = json;
            Next(ref json);
            if (field.ValueTextEquals("name"u8)) name = Text(ref json, "constraints.name");
            else if (field.ValueTextEquals("value"u8)) value = Number(ref json, "constraints.value");
            else json.Skip();
        }

        return new JournalConstraint { Name = name ?? throw Missing("constraints.name"), Value = value ?? throw Missing("constraints.value") };
    }

    private static T[]? Array<T>(ref Utf8JsonReader json, string field, ReadItem<T> item)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (json.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(field, "an array");
        }

        var items = new List<T>();
        while (Next(ref json) != JsonTokenType.EndArray)
        {
            items.Add(item(ref json));
        }

        return [.. items];
    }

    // Each reader of a value takes a JSON null for an absent field, as the serializer did.

    private static string? Text(ref Utf8JsonReader json, string field) =>
        json.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => json.GetString(),
            _ => throw WrongType(field, "text"),
        };

    private static int? Int32(ref Utf8JsonReader json, string field) =>
        json.TokenType == JsonTokenType.Null ? null
        : json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var value) ? value : throw WrongType(field, "an integer");

    private static long? Int64(ref Utf8JsonReader json, string field) =>
        json.TokenType == JsonTokenType.Null ? null
        : json.TokenType == JsonTokenType.Number && json.TryGetInt64(out var value) ? value : throw WrongType(field, "an integer");

    private static DateTimeOffset? Time(ref Utf8JsonReader json, string field) =>
        json.TokenType == JsonTokenType.Null ? null
        : json.TokenType == JsonTokenType.String && json.TryGetDateTimeOffset(out var value) ? value : throw WrongType(field, "an ISO 8601 time");

    /// <summary>A number, or one of the strings the writer uses for non-finite numbers.</summary>
    private static double? Number(ref Utf8JsonReader json, string field)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (json.TokenType == JsonTokenType.Number && json.TryGetDouble(out var value))
        {
            return value;
        }

        if (json.TokenType == JsonTokenType.String)
        {
            if (json.ValueTextEquals("NaN"u8)) return double.NaN;
            if (json.ValueTextEquals("Infinity"u8)) return double.PositiveInfinity;
            if (json.ValueTextEquals("-Infinity"u8)) return double.NegativeInfinity;
        }

        throw WrongType(field, "a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    }

    /// <summary>An enum value by name (any case, as the serializer read it) or by its number.</summary>
    private static T? Name<T>(ref Utf8JsonReader json, string field)
        where T : struct, Enum
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        // A name, not a number in a string (which Enum.TryParse would take too).
        if (json.TokenType == JsonTokenType.String && json.GetString() is { } text && Enum.TryParse<T>(text, ignoreCase: true, out var named)
            && Enum.IsDefined(named) && !char.IsAsciiDigit(text[0]))
        {
            return named;
        }

        if (json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var number) && Enum.IsDefined(typeof(T), number))
        {
            return (T)Enum.ToObject(typeof(T), number);
        }

        throw WrongType(field, $"one of {string.Join(", ", Enum.GetNames<T>())}");
    }

    private static void WriteString(Utf8JsonWriter json, ReadOnlySpan<byte> field, string? text)
    {
        if (text is not null)
        {
            json.WriteString(field, text);
        }
    }

    private static void WriteInteger(Utf8JsonWriter json, ReadOnlySpan<byte> field, long? number)
    {
        if (number is { } value)
        {
            json.WriteNumber(field, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, ReadOnlySpan<byte> field, double? number)
    {
        if (number is { } value)
        {
            json.WritePropertyName(field);
            WriteNumber(json, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, ReadOnlySpan<byte> field, IEnumerable<string>? texts)
    {
        if (texts is null)
        {
            return;
        }

        json.WriteStartArray(field);
        foreach (var text in texts)
        {
            json.WriteStringValue(text);
        }

        json.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, ReadOnlySpan<byte> field, double[]? numbers)
    {
        if (numbers is null)
        {
            return;
        }

        json.WriteStartArray(field);
        foreach (var number in numbers)
        {
            WriteNumber(json, number);
        }

        json.WriteEndArray();
    }

    /// <summary>A finite number as a JSON number (the shortest text that reads back the same double), any other as the
    /// string the serializer's named literals use.</summary>
    private static void WriteNumber(Utf8JsonWriter json, double number)
    {
        if (double.IsFinite(number))
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteStringValue(double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static JsonException Missing(string field) => new($"the record has no '{field}'");

    private static JsonException WrongType(string field, string expected) => new($"'{field}' must be {expected}");
}
