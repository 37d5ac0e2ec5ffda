using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML;

/// <summary>Reads one column of any common scalar type as text, in row order: enough to group rows by label.</summary>
internal static class ColumnReader
{
    public static List<string> ReadAsText(IDataView data, string columnName)
    {
        var column = data.Schema.GetColumnOrNull(columnName)
            ?? throw new ArgumentException($"The data has no column '{columnName}'. Columns: {string.Join(", ", data.Schema.Select(c => c.Name))}.", nameof(columnName));
        var type = column.Type.RawType;
        if (type == typeof(bool))
        {
            return Read<bool>(data, column, v => v ? "true" : "false");
        }

        if (type == typeof(float))
        {
            return Read<float>(data, column, v => v.ToString("R", CultureInfo.InvariantCulture));
        }

        if (type == typeof(double))
        {
            return Read<double>(data, column, v => v.ToString("R", CultureInfo.InvariantCulture));
        }

        if (type == typeof(uint))
        {
            return Read<uint>(data, column, v => v.ToString(CultureInfo.InvariantCulture));
        }

        if (type == typeof(int))
        {
            return Read<int>(data, column, v => v.ToString(CultureInfo.InvariantCulture));
        }

        if (type == typeof(ReadOnlyMemory<char>))
        {
            return Read<ReadOnlyMemory<char>>(data, column, v => v.ToString());
        }

        throw new ArgumentException($"Column '{columnName}' has type {column.Type}, which cannot be used to stratify a split.", nameof(columnName));
    }

    private static List<string> Read<T>(IDataView data, DataViewSchema.Column column, Func<T, string> text)
    {
        var values = new List<string>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(text(value));
        }

        return values;
    }
}
