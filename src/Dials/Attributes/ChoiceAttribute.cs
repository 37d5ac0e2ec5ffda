namespace Dials;

/// <summary>
/// A categorical dimension: the property takes one of the listed values. On an <see cref="bool"/> or enum property
/// with no values it means every value of the type.
/// </summary>
/// <param name="values">The allowed values, of the property's type; distinct.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ChoiceAttribute(params object[] values) : Attribute
{
    /// <summary>The allowed values as written.</summary>
    public IReadOnlyList<object> Values { get; } = values;
}
