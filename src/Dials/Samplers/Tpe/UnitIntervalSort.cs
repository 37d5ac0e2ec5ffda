namespace Dials.Samplers;

/// <summary>
/// Orders values of the unit interval by bucket sort: one bucket per value, then insertion sort within buckets,
/// which is linear for the spread-out positions of trial observations. A TPE proposal orders every observation of
/// every dimension twice (one Parzen estimator each for the good and the bad trials); a comparison sort made that
/// the largest cost of a proposal at a thousand trials.
/// </summary>
internal static class UnitIntervalSort
{
    /// <summary>The indices of <paramref name="values"/> (each in [0, 1]) in ascending order of value, in the
    /// first <c>values.Length</c> items of an array rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>
    /// (which the caller returns).</summary>
    public static int[] Order(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var order = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        if (n == 0)
        {
            return order;
        }

        // Counting pass, prefix sums, then a stable scatter into bucket ranges.
        var pool = System.Buffers.ArrayPool<int>.Shared;
        var starts = pool.Rent(n + 1);
        var next = pool.Rent(n);
        Array.Clear(starts, 0, n + 1);
        for (var i = 0; i < n; i++)
        {
            starts[Bucket(values[i], n) + 1]++;
        }

        for (var b = 0; b < n; b++)
        {
            starts[b + 1] += starts[b];
        }

        Array.Copy(starts, next, n);
        for (var i = 0; i < n; i++)
        {
            order[next[Bucket(values[i], n)]++] = i;
        }

        for (var b = 0; b < n; b++)
        {
            InsertionSort(order, starts[b], starts[b + 1], values);
        }

        pool.Return(starts);
        pool.Return(next);
        return order;
    }

    private static int Bucket(double value, int n) => Math.Clamp((int)(value * n), 0, n - 1);

    private static void InsertionSort(int[] order, int from, int to, ReadOnlySpan<double> values)
    {
        for (var i = from + 1; i < to; i++)
        {
            var item = order[i];
            var key = values[item];
            var j = i - 1;
            while (j >= from && values[order[j]] > key)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = item;
        }
    }
}
