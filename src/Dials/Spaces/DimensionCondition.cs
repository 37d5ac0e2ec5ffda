namespace Dials;

/// <summary>
/// A dimension is active only while its <see cref="Parent"/> dimension is active and takes one of <see cref="Values"/>.
/// </summary>
/// <param name="Parent">Full (dotted) name of the controlling dimension.</param>
/// <param name="Values">The parent's internal values that activate the dimension: choice indices for a categorical
/// parent, the numbers themselves for a numeric one.</param>
public sealed record DimensionCondition(string Parent, IReadOnlyList<double> Values)
{
    /// <summary>Whether <paramref name="parentValue"/> (an internal value) activates the dimension.</summary>
    public bool IsMetBy(double parentValue)
    {
        foreach (var value in Values)
        {
            if (value == parentValue)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(DimensionCondition? other) =>
        other is not null && Parent == other.Parent && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Parent, Values.Count);
}
