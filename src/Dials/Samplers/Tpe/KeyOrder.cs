using System.Runtime.InteropServices;

namespace Dials.Samplers;

/// <summary>
/// Trial numbers sorted by a key, ties by number, changed one trial at a time: a binary search and a short copy
/// instead of a sort of the whole study for every proposal. Not thread-safe: the coordinate cache that owns it calls
/// it under its lock.
/// </summary>
internal sealed class KeyOrder
{
    private readonly List<double> keys = [];
    private readonly List<int> numbers = [];

    /// <summary>The listed numbers in ascending order of key, ties in ascending number order.</summary>
    public ReadOnlySpan<int> Numbers => CollectionsMarshal.AsSpan(numbers);

    /// <summary>The keys of <see cref="Numbers"/>, item by item.</summary>
    public ReadOnlySpan<double> Keys => CollectionsMarshal.AsSpan(keys);

    /// <summary>Lists trial <paramref name="number"/> under <paramref name="key"/>.</summary>
    public void Insert(double key, int number)
    {
        var at = Find(key, number);
        keys.Insert(at, key);
        numbers.Insert(at, number);
    }

    /// <summary>Unlists trial <paramref name="number"/>, listed under <paramref name="key"/>.</summary>
    public void Remove(double key, int number)
    {
        var at = Find(key, number);
        keys.RemoveAt(at);
        numbers.RemoveAt(at);
    }

    /// <summary>The position of (<paramref name="key"/>, <paramref name="number"/>) in the list: where it is, or
    /// where it would go.</summary>
    public int Find(double key, int number)
    {
        int lo = 0, hi = numbers.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] < key || (keys[mid] == key && numbers[mid] < number))
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
