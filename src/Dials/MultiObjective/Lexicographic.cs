namespace Dials.MultiObjective;

/// <summary>
/// Lexicographic order of loss vectors. In this order a vector that dominates (or weakly dominates) another comes
/// first, which is what lets the sorts and filters here compare each vector with earlier ones only.
/// </summary>
internal static class Lexicographic
{
    /// <summary>Compares the first <paramref name="objectives"/> coordinates in turn.</summary>
    public static int Compare(double[] a, double[] b, int objectives)
    {
        for (var j = 0; j < objectives; j++)
        {
            var order = a[j].CompareTo(b[j]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>The indices of <paramref name="losses"/> in lexicographic order, equal vectors by index.</summary>
    public static int[] Order(IReadOnlyList<double[]> losses)
    {
        var order = new int[losses.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (i, k) =>
        {
            var byValue = Compare(losses[i], losses[k], losses[i].Length);
            return byValue != 0 ? byValue : i.CompareTo(k);
        });
        return order;
    }
}
