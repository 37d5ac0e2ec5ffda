using System.Collections;

namespace Dials.Storage;

/// <summary>
/// A study's trial records in number order, handing out snapshots in time proportional to the number of chunks rather
/// than of trials: records live in fixed-size chunks, a snapshot shares the chunks, and a chunk a snapshot shares is
/// copied before it is next written (copy on write). At 100,000 trials a snapshot copies about a hundred chunk
/// references instead of every record, which is what keeps a study's read before each ask cheap. Not thread-safe:
/// the owner holds its own lock.
/// </summary>
internal sealed class TrialList : IReadOnlyList<TrialRecord>
{
    private const int ChunkBits = 10;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;

    private readonly List<TrialRecord[]> chunks = [];

    // Whether a snapshot may hold chunk i; such a chunk is copied before it changes.
    private readonly List<bool> shared = [];
    private Snapshot? latest;

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <summary>The record of trial <paramref name="index"/>; setting it replaces the record.</summary>
    public TrialRecord this[int index]
    {
        get => (uint)index < (uint)Count ? chunks[index >> ChunkBits][index & ChunkMask] : throw new ArgumentOutOfRangeException(nameof(index));
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            Writable(index >> ChunkBits)[index & ChunkMask] = value;
        }
    }

    /// <summary>Appends a record.</summary>
    public void Add(TrialRecord record)
    {
        if (Count == chunks.Count * ChunkSize)
        {
            chunks.Add(new TrialRecord[ChunkSize]);
            shared.Add(false);
        }

        Writable(Count >> ChunkBits)[Count & ChunkMask] = record;
        Count++;
    }

    /// <summary>An immutable view of the records as they are now; later changes to this list do not show in it.</summary>
    public IReadOnlyList<TrialRecord> Freeze()
    {
        if (latest is null)
        {
            for (var i = 0; i < shared.Count; i++)
            {
                shared[i] = true;
            }

            latest = new Snapshot([.. chunks], Count);
        }

        return latest;
    }

    /// <inheritdoc />
    public IEnumerator<TrialRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private TrialRecord[] Writable(int chunk)
    {
        latest = null;
        if (shared[chunk])
        {
            chunks[chunk] = (TrialRecord[])chunks[chunk].Clone();
            shared[chunk] = false;
        }

        return chunks[chunk];
    }

    /// <summary>Records frozen at one moment: chunks nobody writes to any more. A read-only collection too, so that
    /// copying it (<c>[.. snapshot]</c>, <c>ToList</c>) copies chunk by chunk rather than record by record.</summary>
    private sealed class Snapshot(TrialRecord[][] chunks, int count) : IReadOnlyList<TrialRecord>, ICollection<TrialRecord>
    {
        public int Count => count;

        public bool IsReadOnly => true;

        public TrialRecord this[int index] =>
            (uint)index < (uint)count ? chunks[index >> ChunkBits][index & ChunkMask] : throw new ArgumentOutOfRangeException(nameof(index));

        public void CopyTo(TrialRecord[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            for (var copied = 0; copied < count; copied += ChunkSize)
            {
                Array.Copy(chunks[copied >> ChunkBits], 0, array, arrayIndex + copied, Math.Min(ChunkSize, count - copied));
            }
        }

        public bool Contains(TrialRecord item) => this.Any(r => r == item);

        public IEnumerator<TrialRecord> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return chunks[i >> ChunkBits][i & ChunkMask];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        void ICollection<TrialRecord>.Add(TrialRecord item) => throw ReadOnly();

        void ICollection<TrialRecord>.Clear() => throw ReadOnly();

        bool ICollection<TrialRecord>.Remove(TrialRecord item) => throw ReadOnly();

        private static NotSupportedException ReadOnly() => new("A snapshot of trials is read-only.");
    }
}
