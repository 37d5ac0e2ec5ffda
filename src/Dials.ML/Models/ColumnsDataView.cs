using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML;

/// <summary>
/// A data view over columns already in memory, one array per column (<see cref="float"/>, <see cref="double"/>,
/// <see cref="bool"/> or <see cref="ReadOnlyMemory{T}"/> of char), typed as a model's input schema asks: how rows read
/// by column name from a CSV reach a loaded model without a second pass through ML.NET's text loader.
/// </summary>
internal sealed class ColumnsDataView : IDataView
{
    private readonly Array[] columns;
    private readonly int rows;

    /// <param name="schema">The columns, with their names, types and annotations (a model's input schema, or part of it).</param>
    /// <param name="columns">Each column's values, all of the same length, typed per <paramref name="schema"/>.</param>
    public ColumnsDataView(IEnumerable<DataViewSchema.Column> schema, Array[] columns)
    {
        Schema = SchemaOf(schema);
        this.columns = columns;
        rows = columns.Length == 0 ? 0 : columns[0].Length;
    }

    /// <summary>A schema of these columns alone, renumbered from 0.</summary>
    public static DataViewSchema SchemaOf(IEnumerable<DataViewSchema.Column> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        return builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, [.. columnsNeeded.Select(c => c.Index)]);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(ColumnsDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private long position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => position;

        public override long Batch => 0;

        public override bool MoveNext() => ++position < view.rows;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (view.columns[column.Index] is not TValue[] values)
            {
                throw new InvalidOperationException($"Column '{column.Name}' holds {view.columns[column.Index].GetType().GetElementType()}, not {typeof(TValue)}.");
            }

            return (ref TValue value) => value = values[position];
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);
    }
}
