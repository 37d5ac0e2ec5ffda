using Dials.CodeFixes;

namespace Dials.Analyzers.Tests;

/// <summary>Fixes for declaration errors (DIALS001, DIALS016, DIALS018), reported by the declaration analyzer.</summary>
public class DeclarationFixTests
{
    [Fact]
    public Task Record_is_made_partial() => Verify.DeclarationFix<MakePartialCodeFix>("""
        [Hyperparameters]
        public sealed record Config
        {
            [FloatRange(0, 0.5)] public double Dropout { get; init; } = 0.1;
        }
        """, "DIALS001", "Config", """
        [Hyperparameters]
        public sealed partial record Config
        {
            [FloatRange(0, 0.5)] public double Dropout { get; init; } = 0.1;
        }
        """);

    [Fact]
    public Task Class_without_modifiers_is_made_partial() => Verify.DeclarationFix<MakePartialCodeFix>("""
        [Hyperparameters]
        class Config
        {
            [IntRange(1, 8)] public int Depth { get; set; } = 2;
        }
        """, "DIALS001", "Config", """
        [Hyperparameters]
        partial class Config
        {
            [IntRange(1, 8)] public int Depth { get; set; } = 2;
        }
        """);

    [Fact]
    public Task Containing_type_is_made_partial() => Verify.DeclarationFix<MakePartialCodeFix>("""
        public static class Experiments
        {
            [Hyperparameters]
            public partial record Config
            {
                [IntRange(1, 8)] public int Depth { get; init; } = 2;
            }
        }
        """, "DIALS018", "Config", """
        public static partial class Experiments
        {
            [Hyperparameters]
            public partial record Config
            {
                [IntRange(1, 8)] public int Depth { get; init; } = 2;
            }
        }
        """);

    [Theory]
    [InlineData("[FloatRange(0, 0.5)] public double Dropout { get; init; } = 0.9;", "0.9", "0.5")]
    [InlineData("[FloatRange(1e-5, 1e-1, Log = true)] public double Lr { get; init; } = 3;", "3", "0.1")]
    [InlineData("[FloatRange(0, 1, Step = 0.25)] public float Ratio { get; init; } = 0.3f;", "0.3f", "0.25f")]
    [InlineData("[IntRange(2, 10, Step = 2)] public int Layers { get; init; } = 11;", "11", "10")]
    [InlineData("[PowerOfTwo(16, 256)] public int Width { get; init; } = 100;", "100", "128")]
    [InlineData("[Choice(\"adam\", \"sgd\")] public string Optimizer { get; init; } = \"lion\";", "\"lion\"", "\"adam\"")]
    public Task Default_is_moved_to_the_nearest_allowed_value(string property, string flagged, string moved) =>
        Verify.DeclarationFix<MoveDefaultIntoRangeCodeFix>($$"""
            [Hyperparameters]
            public partial record Config
            {
                {{property}}
            }
            """, "DIALS016", flagged, $$"""
            [Hyperparameters]
            public partial record Config
            {
                {{property.Replace("= " + flagged + ";", "= " + moved + ";")}}
            }
            """);

    [Fact]
    public Task Missing_initializer_gets_one() => Verify.DeclarationFix<MoveDefaultIntoRangeCodeFix>("""
        [Hyperparameters]
        public partial record Config
        {
            [IntRange(1, 8)] public int Depth { get; init; }
        }
        """, "DIALS016", "Depth", """
        [Hyperparameters]
        public partial record Config
        {
            [IntRange(1, 8)] public int Depth { get; init; } = 1;
        }
        """);
}
