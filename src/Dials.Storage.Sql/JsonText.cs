using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Dials.Storage.Sql;

/// <summary>The one way the SQL storage writes a JSON column value: a <see cref="Utf8JsonWriter"/> into a buffer,
/// decoded to text (no reflection, so trimming and NativeAOT stay safe).</summary>
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
}
