namespace Dials.Samplers;

/// <summary>
/// Per numeric dimension, the numbers of the cached trials sorted by their coordinate (ties by trial number), kept up
/// to date one trial at a time. A Parzen estimator sizes each kernel from its neighbours in every dimension, so a TPE
/// proposal needs every observation in coordinate order; sorting them afresh for both densities of every proposal
/// was the largest cost of a proposal at a thousand trials, while inserting one trial into a sorted list is a binary
/// search and a short copy. Not thread-safe: the coordinate cache that owns it calls it under its lock.
/// </summary>
internal sealed class CoordinateOrder
{
    // Null for categorical dimensions, which are modelled by frequencies and never sorted.
    private readonly List<int>?[] numbers;
    private readonly List<double>?[] keys;

    public CoordinateOrder(SearchSpace space)
    {
        numbers = new List<int>?[space.Dimensions.Count];
        keys = new List<double>?[space.Dimensions.Count];
        for (var d = 0; d < numbers.Length; d++)
        {
            if (space.Dimensions[d].Kind != DimensionKind.Categorical)
            {
                numbers[d] = [];
                keys[d] = [];
            }
        }
    }

    /// <summary>Records that trial <paramref name="number"/>'s coordinates changed from <paramref name="old"/> (null
    /// when it had none) to <paramref name="coordinates"/>. NaN coordinates (inactive dimensions) are not listed.</summary>
    public void Replace(int number, double[]? old, double[] coordinates)
    {
        for (var d = 0; d < numbers.Length; d++)
        {
            if (numbers[d] is not { } list)
            {
                continue;
            }

            var values = keys[d]!;
            if (old is not null && !double.IsNaN(old[d]))
            {
                var at = Find(values, list, old[d], number);
                list.RemoveAt(at);
                values.RemoveAt(at);
            }

            if (!double.IsNaN(coordinates[d]))
            {
                var at = Find(values, list, coordinates[d], number);
                list.Insert(at, number);
                values.Insert(at, coordinates[d]);
            }
        }
    }

    /// <summary>For dimension <paramref name="d"/>, the positions in <paramref name="indexOfNumber"/>'s trial list
    /// of the listed trials it maps (to an index of 0 or more), in coordinate order; null for a categorical
    /// dimension.</summary>
    public int[]? Sorted(int d, ReadOnlySpan<int> indexOfNumber)
    {
        if (numbers[d] is not { } list)
        {
            return null;
        }

        var sorted = new List<int>(list.Count);
        foreach (var number in list)
        {
            if (number < indexOfNumber.Length && indexOfNumber[number] >= 0)
            {
                sorted.Add(indexOfNumber[number]);
            }
        }

        return [.. sorted];
    }

    // The position of (value, number) in the list ordered by value, then number: where it is, or where it goes.
    private static int Find(List<double> values, List<int> list, double value, int number)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < value || (values[mid] == value && list[mid] < number))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
