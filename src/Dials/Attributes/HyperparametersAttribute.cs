namespace Dials;

/// <summary>
/// Marks a <c>partial</c> record, record struct or class whose attributed properties are hyperparameters.
/// The Dials source generator implements <see cref="IHyperparameters{TSelf}"/> for it: a typed
/// <see cref="SearchSpace{T}"/> with encode, decode and validation, generated at compile time.
/// </summary>
/// <remarks>
/// Each property carrying a dimension attribute (<see cref="FloatRangeAttribute"/>, <see cref="IntRangeAttribute"/>,
/// <see cref="PowerOfTwoAttribute"/> or <see cref="ChoiceAttribute"/>) becomes one dimension; its initializer is the
/// default. A property whose type is itself <c>[Hyperparameters]</c> is nested: its dimensions join this type's
/// under dotted names. Other properties are not tuned.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class HyperparametersAttribute : Attribute;
