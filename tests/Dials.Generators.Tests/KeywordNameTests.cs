using Dials.Generators.Tests.Records;

namespace Dials.Generators.Tests;

/// <summary>Runs the code generated for <see cref="KeywordNames"/>, whose members are named with keywords.</summary>
public sealed class KeywordNameTests
{
    private static readonly SearchSpace<KeywordNames> Space = KeywordNames.SearchSpace;

    [Fact]
    public void Dimensions_are_named_by_the_identifier_text()
    {
        Assert.Equal(["class", "int", "string"], Space.Dimensions.Select(d => d.Name));
        Assert.Equal([Keyword.@default, Keyword.@event, Keyword.plain], Space.Dimensions[0].Choices);
        Assert.Equal("class", Space.Dimensions[1].Condition!.Parent);
    }

    [Fact]
    public void Configurations_decode_and_encode_back()
    {
        var config = Space.FromValues(new Dictionary<string, object?> { ["class"] = Keyword.@event, ["int"] = 3L, ["string"] = "a" });

        var decoded = Space.Decode(config);

        Assert.Equal(new KeywordNames { @class = Keyword.@event, @int = 3, @string = "a" }, decoded);
        Assert.Equal(config, Space.Encode(decoded));
        Assert.Empty(Space.Validate(decoded));
    }

    [Fact]
    public void A_keyword_named_type_in_a_keyword_named_namespace_compiles()
    {
        var run = GeneratorHarness.Run("using Dials;\nnamespace @event.@class;\n[Hyperparameters]\npublic partial record @struct { [Choice(1, 2)] public int @this { get; init; } = 1; }");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("@this = ", Assert.Single(run.Sources));
    }
}
