using System.Buffers;
using System.Collections;

namespace Dials;

/// <summary>
/// The trials a sampler is shown: every trial that has a point, in number order. Trials other workers have numbered
/// but not yet sampled have none, nor has the trial being proposed, nor a trial whose sampler failed.
/// </summary>
/// <remarks>
/// A finished trial never changes in any storage (a point is set once, before it finishes), so which of the leading
/// finished trials lack a point is learned once and remembered; each call looks only at the trials from the first
/// running one on. At 100,000 trials that is a handful of records per ask instead of a pass over all of them and a
/// copy of the list.
/// </remarks>
internal sealed class SampledTrials
{
    // Trials below this number are finished; those among them without a point are listed in order in `pointless`.
    private int settled;
    private readonly List<int> pointless = [];

    /// <summary>The trials of <paramref name="history"/> that have a point (the history itself when all have).</summary>
    /// <param name="history">Every trial of the study, in number order, as the storage returned them.</param>
    public IReadOnlyList<TrialRecord> Of(IReadOnlyList<TrialRecord> history)
    {
        if (history.Count < settled)
        {
            // Another storage's history (or one rebuilt shorter): learn it again.
            settled = 0;
            pointless.Clear();
        }

        for (; settled < history.Count && history[settled].IsFinished; settled++)
        {
            if (history[settled].Point.Count == 0)
            {
                pointless.Add(settled);
            }
        }

        List<int>? skipped = null;
        for (var t = settled; t < history.Count; t++)
        {
            if (history[t].Point.Count == 0)
            {
                (skipped ??= [.. pointless]).Add(t);
            }
        }

        skipped ??= pointless.Count > 0 ? [.. pointless] : null;
        return skipped is null ? history : new Skipping(history, skipped);
    }

    /// <summary>A view of a history without the trials at some numbers.</summary>
    // A read-only collection too, so that a sampler copies the records out in bulk (ICollection<T>.CopyTo) instead of
    // one interface call and one binary search per record.
    private sealed class Skipping : IReadOnlyList<TrialRecord>, ICollection<TrialRecord>
    {
        private readonly IReadOnlyList<TrialRecord> history;
        private readonly List<int> skipped;

        // keptBefore[m]: how many kept trials precede the m-th skipped one. It never decreases, so the number of
        // skipped trials before the i-th kept one is the count of entries not above i, found by binary search.
        private readonly int[] keptBefore;

        public Skipping(IReadOnlyList<TrialRecord> history, List<int> skipped)
        {
            this.history = history;
            this.skipped = skipped;
            keptBefore = new int[skipped.Count];
            for (var m = 0; m < skipped.Count; m++)
            {
                keptBefore[m] = skipped[m] - m;
            }
        }

        public int Count => history.Count - skipped.Count;

        public TrialRecord this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
                return history[index + SkippedUpTo(index)];
            }
        }

        public IEnumerator<TrialRecord> GetEnumerator()
        {
            var next = 0;
            for (var t = 0; t < history.Count; t++)
            {
                if (next < skipped.Count && skipped[next] == t)
                {
                    next++;
                    continue;
                }

                yield return history[t];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool IsReadOnly => true;

        /// <summary>Copies the kept records in order: the runs between skipped trials, each with one
        /// <see cref="Array.Copy(Array, int, Array, int, int)"/> when the history copies in bulk itself.</summary>
        public void CopyTo(TrialRecord[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            if (history is not ICollection<TrialRecord> bulk)
            {
                foreach (var record in this)
                {
                    array[arrayIndex++] = record;
                }

                return;
            }

            var all = ArrayPool<TrialRecord>.Shared.Rent(history.Count);
            bulk.CopyTo(all, 0);
            var from = 0;
            foreach (var skip in skipped.Append(history.Count))
            {
                Array.Copy(all, from, array, arrayIndex, skip - from);
                arrayIndex += skip - from;
                from = skip + 1;
            }

            Array.Clear(all, 0, history.Count); // the pool must not keep the records alive
            ArrayPool<TrialRecord>.Shared.Return(all);
        }

        public bool Contains(TrialRecord item) => this.Any(r => r == item);

        void ICollection<TrialRecord>.Add(TrialRecord item) => throw ReadOnly();

        void ICollection<TrialRecord>.Clear() => throw ReadOnly();

        bool ICollection<TrialRecord>.Remove(TrialRecord item) => throw ReadOnly();

        private static NotSupportedException ReadOnly() => new("The trials a sampler sees are read-only.");

        /// <summary>How many skipped trials come before the kept trial at <paramref name="index"/>.</summary>
        private int SkippedUpTo(int index)
        {
            var (low, high) = (0, keptBefore.Length);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (keptBefore[middle] <= index)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
