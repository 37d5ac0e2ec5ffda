using System.Text.Json;

namespace Dials.Storage.Sql;

/// <summary>Writes a study's objective names as a JSON array of strings and reads them back.</summary>
/// <remarks>JSON rather than a joined list (as directions are) because a name may hold any character, commas
/// included; it stays readable in the sqlite3 and psql shells.</remarks>
internal static class NamesJson
{
    public static string Write(IReadOnlyList<string> names) => JsonText.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var name in names)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    });

    public static string[] Read(string json) => JsonText.ReadArray(json, static (ref Utf8JsonReader reader) => reader.GetString() ?? "");
}
