namespace Dials.Generators.Tests.Records;

/// <summary>Members named with C# keywords: generated code must spell them <c>@class</c>, while the dimensions keep
/// the identifier text (<c>class</c>), as <c>nameof</c> gives it.</summary>
public enum Keyword
{
    @default,
    @event,
    plain,
}

[Hyperparameters]
public partial record KeywordNames
{
    [Choice]
    public Keyword @class { get; init; } = Keyword.@default;

    [IntRange(1, 4), When(nameof(@class), Keyword.@event)]
    public int @int { get; init; } = 2;

    [Choice("a", "b")]
    public string @string { get; init; } = "b";
}
