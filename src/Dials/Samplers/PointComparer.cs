namespace Dials.Samplers;

/// <summary>Compares points bit for bit, NaN (inactive) equal to NaN, so a point read back from storage finds the
/// grid point it was sampled from, and the analyses group repeated configurations.</summary>
public sealed class PointComparer : IEqualityComparer<IReadOnlyList<double>>
{
    /// <summary>The one instance (the comparer has no state).</summary>
    public static PointComparer Instance { get; } = new();

    private PointComparer()
    {
    }

    /// <inheritdoc />
    public bool Equals(IReadOnlyList<double>? x, IReadOnlyList<double>? y)
    {
        if (x is null || y is null || x.Count != y.Count)
        {
            return ReferenceEquals(x, y);
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (BitConverter.DoubleToInt64Bits(x[i]) != BitConverter.DoubleToInt64Bits(y[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public int GetHashCode(IReadOnlyList<double> point)
    {
        var hash = new HashCode();
        foreach (var value in point)
        {
            hash.Add(BitConverter.DoubleToInt64Bits(value));
        }

        return hash.ToHashCode();
    }
}
