namespace Dials;

/// <summary>A choice read back from a stored space whose type this process may not have: an enum member (by its
/// type's full name and its name) or a value of another type (by its invariant text). It formats as the original did,
/// and a space rebuilt with it writes the same <see cref="SearchSpace.Signature"/> as the space that stored it.</summary>
/// <param name="IsEnum">Whether the original was an enum member.</param>
/// <param name="Type">The original's full type name.</param>
/// <param name="Text">The enum member's name, or the value's invariant text.</param>
internal sealed record StoredChoice(bool IsEnum, string Type, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
