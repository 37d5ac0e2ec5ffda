using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Dials.Storage.Sql;

/// <summary>The one way the SQL storage writes a JSON column value (a <see cref="Utf8JsonWriter"/> into a buffer,
/// decoded to text) and reads a JSON array back (no reflection, so trimming and NativeAOT stay safe).</summary>
internal static class JsonText
{
    /// <summary>The JSON <paramref name="write"/> produces, as text.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads one item of a JSON array, the reader on the item's token.</summary>
    public delegate T ReadItem<out T>(ref Utf8JsonReader reader);

    /// <summary>The items of the JSON array <paramref name="json"/>, each read by <paramref name="item"/>.</summary>
    public static T[] ReadArray<T>(string json, ReadItem<T> item)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var items = new List<T>();
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(item(ref reader));
        }

        return [.. items];
    }
}
