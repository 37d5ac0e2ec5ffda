using System.Collections;

namespace Dials.Storage.Sql;

/// <summary>
/// An immutable list of a study's trials that shares storage with the snapshot it was made from: the trials sit in
/// fixed-size chunks, and a change copies only the chunks it touches (and the small array of chunks).
/// </summary>
/// <remarks>A study reads its trials before every trial it starts. Copying 100,000 references each time would cost
/// little by itself, but each copy is an 800 KB array on the large object heap, and allocating those every few
/// milliseconds keeps the garbage collector walking the whole trial history; a changed chunk is 8 KB.</remarks>
internal sealed class TrialSnapshot : IReadOnlyList<TrialRecord>
{
    private const int ChunkSize = 1024;

    private readonly TrialRecord[][] chunks;

    private TrialSnapshot(TrialRecord[][] chunks, int count)
    {
        this.chunks = chunks;
        Count = count;
    }

    /// <summary>No trials.</summary>
    public static TrialSnapshot Empty { get; } = new([], 0);

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public TrialRecord this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return chunks[index / ChunkSize][index % ChunkSize];
        }
    }

    /// <summary>This snapshot with some trials replaced or appended.</summary>
    /// <param name="changed">Trials in number order, each either replacing the trial of its number or, numbered
    /// <see cref="Count"/> (then one more), appended.</param>
    /// <returns>The new snapshot; this one is left as it was.</returns>
    /// <exception cref="ArgumentException">A trial would leave a gap in the numbers.</exception>
    public TrialSnapshot With(IReadOnlyList<TrialRecord> changed)
    {
        var count = Count;
        foreach (var trial in changed)
        {
            if (trial.Number > count)
            {
                throw new ArgumentException($"Trial {trial.Number} would follow trial {count - 1}: numbers have no gaps.", nameof(changed));
            }

            count = Math.Max(count, trial.Number + 1);
        }

        var copy = new TrialRecord[(count + ChunkSize - 1) / ChunkSize][];
        Array.Copy(chunks, copy, chunks.Length);
        var copied = new bool[copy.Length];
        foreach (var trial in changed)
        {
            var c = trial.Number / ChunkSize;
            if (!copied[c])
            {
                // A chunk is copied once per change, and only when touched: older snapshots keep theirs.
                var chunk = new TrialRecord[ChunkSize];
                if (c < chunks.Length)
                {
                    Array.Copy(chunks[c], chunk, ChunkSize);
                }

                copy[c] = chunk;
                copied[c] = true;
            }

            copy[c][trial.Number % ChunkSize] = trial;
        }

        return new TrialSnapshot(copy, count);
    }

    /// <inheritdoc />
    public IEnumerator<TrialRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return chunks[i / ChunkSize][i % ChunkSize];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
