namespace Dials;

/// <summary>
/// Makes a dimension conditional: it is active only while the dimension named <paramref name="property"/> takes one
/// of <paramref name="values"/>. An inactive dimension is not sampled and decodes to its default.
/// </summary>
/// <param name="property">The controlling property of the same type (use <c>nameof</c>); it must be a dimension.</param>
/// <param name="values">The values of the controlling property for which this one is active.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class WhenAttribute(string property, params object[] values) : Attribute
{
    /// <summary>The controlling property.</summary>
    public string Property { get; } = property;

    /// <summary>The values of <see cref="Property"/> that activate this dimension.</summary>
    public IReadOnlyList<object> Values { get; } = values;
}
