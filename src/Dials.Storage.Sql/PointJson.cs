using System.Text.Json;

namespace Dials.Storage.Sql;

/// <summary>
/// Writes a point as a JSON array of numbers, NaN (an inactive dimension) as null, and reads it back bit for bit.
/// </summary>
/// <remarks>JSON rather than a blob of doubles so that a study stays readable with the sqlite3 or psql shells (and
/// castable to jsonb for ad hoc queries); it is still exact because .NET writes the shortest decimal that reads back
/// as the same double.</remarks>
internal static class PointJson
{
    public static string Write(IReadOnlyList<double> point) => JsonText.Write(writer =>
    {
        writer.WriteStartArray();
        for (var i = 0; i < point.Count; i++)
        {
            var value = point[i];
            if (double.IsNaN(value))
            {
                writer.WriteNullValue();
            }
            else if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                throw new ArgumentException(
                    $"Point value {i} is {value}; a point holds finite values, or NaN for an inactive dimension.", nameof(point));
            }
        }

        writer.WriteEndArray();
    });

    public static double[] Read(string json) =>
        JsonText.ReadArray(json, static (ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble());
}
