namespace Dials.Generators.Tests;

/// <summary>Every declaration diagnostic: the flagged case reports it (and generates nothing for the type), a clean
/// variant of the same declaration reports nothing and compiles.</summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "DIALS001", "public record C { [FloatRange(0, 1)] public double X { get; init; } = 0.5; }",
                      "public partial record C { [FloatRange(0, 1)] public double X { get; init; } = 0.5; }" },
        { "DIALS002", "public partial record C { [FloatRange(0, 1)] public int X { get; init; } = 1; }",
                      "public partial record C { [IntRange(0, 1)] public int X { get; init; } = 1; }" },
        { "DIALS003", "public partial record C { [FloatRange(1, 1)] public double X { get; init; } = 1; }",
                      "public partial record C { [FloatRange(1, 2)] public double X { get; init; } = 1; }" },
        { "DIALS004", "public partial record C { [FloatRange(0, 1, Log = true)] public double X { get; init; } = 0.5; }",
                      "public partial record C { [FloatRange(1e-4, 1, Log = true)] public double X { get; init; } = 0.5; }" },
        { "DIALS005", "public partial record C { [IntRange(0, 10, Step = 3)] public int X { get; init; } = 0; }",
                      "public partial record C { [IntRange(0, 9, Step = 3)] public int X { get; init; } = 0; }" },
        { "DIALS006", "public partial record C { [FloatRange(0.1, 1, Log = true, Step = 0.1)] public double X { get; init; } = 0.5; }",
                      "public partial record C { [FloatRange(0.1, 1, Step = 0.1)] public double X { get; init; } = 0.5; }" },
        { "DIALS007", "public partial record C { [PowerOfTwo(16, 500)] public int X { get; init; } = 16; }",
                      "public partial record C { [PowerOfTwo(16, 512)] public int X { get; init; } = 16; }" },
        { "DIALS008", "public partial record C { [Choice] public string X { get; init; } = \"a\"; }",
                      "public partial record C { [Choice] public bool X { get; init; } }" },
        { "DIALS009", "public partial record C { [Choice(\"a\", \"a\")] public string X { get; init; } = \"a\"; }",
                      "public partial record C { [Choice(\"a\", \"b\")] public string X { get; init; } = \"a\"; }" },
        { "DIALS010", "public partial record C { [Choice(\"a\", 2)] public string X { get; init; } = \"a\"; }",
                      "public partial record C { [Choice(1, 2)] public int X { get; init; } = 1; }" },
        { "DIALS011", "public partial record C { [Choice(\"a\", \"b\")] public string K { get; init; } = \"a\"; [FloatRange(0, 1), When(\"Kindd\", \"a\")] public double X { get; init; } }",
                      "public partial record C { [Choice(\"a\", \"b\")] public string K { get; init; } = \"a\"; [FloatRange(0, 1), When(nameof(K), \"a\")] public double X { get; init; } }" },
        { "DIALS012", "public partial record C { [Choice(\"a\", \"b\")] public string K { get; init; } = \"a\"; [FloatRange(0, 1), When(nameof(K), \"c\")] public double X { get; init; } }",
                      "public partial record C { [IntRange(1, 4)] public int K { get; init; } = 1; [FloatRange(0, 1), When(nameof(K), 2, 3)] public double X { get; init; } }" },
        { "DIALS013", "public partial record C { [FloatRange(0, 1), Choice(0.5, 1.0)] public double X { get; init; } = 0.5; }",
                      "public partial record C { [Choice(0.5, 1.0)] public double X { get; init; } = 0.5; }" },
        { "DIALS014", "public partial record C { [FloatRange(0, 1)] public double X { get; } = 0.5; }",
                      "public partial record C { [FloatRange(0, 1)] public double X { get; private set; } = 0.5; }" },
        { "DIALS015", "public partial record C { public D Inner { get; init; } = new(); } [Hyperparameters] public partial record D { public C? Back { get; init; } [IntRange(1, 2)] public int Y { get; init; } = 1; }",
                      "public partial record C { public D Inner { get; init; } = new(); } [Hyperparameters] public partial record D { [IntRange(1, 2)] public int Y { get; init; } = 1; }" },
        { "DIALS016", "public partial record C { [FloatRange(1e-5, 1, Log = true)] public double LearningRate { get; init; } = 3; }",
                      "public partial record C { [FloatRange(1e-5, 1, Log = true)] public double LearningRate { get; init; } = 3e-4; }" },
        { "DIALS017", "public partial record C { [Choice(1, 2), When(nameof(B), 1)] public int A { get; init; } = 1; [Choice(1, 2), When(nameof(A), 1)] public int B { get; init; } = 1; }",
                      "public partial record C { [Choice(1, 2)] public int A { get; init; } = 1; [Choice(1, 2), When(nameof(A), 1)] public int B { get; init; } = 1; }" },
        { "DIALS018", "public class Outer { [Hyperparameters] public partial record Inner { [IntRange(1, 2)] public int Y { get; init; } = 1; } } public partial record C;",
                      "public partial class Outer { [Hyperparameters] public partial record Inner { [IntRange(1, 2)] public int Y { get; init; } = 1; } } public partial record C;" },
        { "DIALS019", "public partial record C<T> { [IntRange(1, 2)] public int Y { get; init; } = 1; }",
                      "public partial record C { [IntRange(1, 2)] public int Y { get; init; } = 1; }" },
        // The clean case has exactly the most values a dimension may hold: 0 to int.MaxValue - 1.
        { "DIALS020", "public partial record C { [IntRange(int.MinValue, int.MaxValue)] public int X { get; init; } }",
                      "public partial record C { [IntRange(0, int.MaxValue - 1)] public int X { get; init; } }" },
        { "DIALS021", "public partial record C { [Choice(double.NaN, 1.0, double.PositiveInfinity)] public double X { get; init; } = 1.0; }",
                      "public partial record C { [Choice(0.5, 1.0, double.MaxValue)] public double X { get; init; } = 1.0; }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flagged_case_reports_the_diagnostic(string id, string flagged, string clean)
    {
        _ = clean;
        var run = GeneratorHarness.Run(Source(flagged));
        // The analyzer reports it and the generator does not, so a build lists it once.
        Assert.Empty(run.GeneratorDiagnostics);
        // A cycle is reported at each of its members, so at least one; nothing twice at the same place.
        var diagnostic = run.AnalyzerDiagnostics.First(d => d.Id == id);
        Assert.Equal(run.Diagnostics.Length, run.Diagnostics.Select(d => (d.Id, d.Location.SourceSpan, d.GetMessage())).Distinct().Count());
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        // In the source tree, so editors and dotnet format find the document.
        Assert.True(diagnostic.Location.IsInSource);
        var where = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", where.Path);
        Assert.True(where.StartLinePosition.Line >= 2, $"{id} should point into the declaration, not at line {where.StartLinePosition.Line}");
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(File.Exists(Path.Combine(Dials.Testing.RepositoryRoot.Path, "docs", "diagnostics", id + ".md")), $"{id} needs a help page");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Clean_case_reports_nothing_and_compiles(string id, string flagged, string clean)
    {
        _ = flagged;
        var run = GeneratorHarness.Run(Source(clean));
        Assert.DoesNotContain(id, run.Ids);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.NotEmpty(run.Sources);
    }

    [Fact]
    public void Messages_name_the_property_and_the_rule()
    {
        var run = GeneratorHarness.Run(Source("public partial record C { [FloatRange(1e-5, 1, Log = true)] public double LearningRate { get; init; } = 3; }"));
        var message = Assert.Single(run.Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("The default of 'LearningRate' is 3, which is outside [1E-05, 1]; the baseline configuration would fail its own validation", message);
    }

    [Theory]
    [InlineData("[IntRange(int.MinValue, int.MaxValue)] public int X { get; init; }", "'X' takes 4294967296 values from -2147483648 to 2147483647 by 1")]
    [InlineData("[IntRange(long.MinValue, long.MaxValue)] public long X { get; init; }", "values from -9.223372036854776E+18 to 9.223372036854776E+18 by 1")]
    [InlineData("[IntRange(0, 4000000000L)] public long X { get; init; }", "'X' takes 4000000001 values from 0 to 4000000000 by 1")]
    [InlineData("[IntRange(1, 4000000000L, Log = true)] public long X { get; init; } = 1", "'X' takes 4000000000 values from 1 to 4000000000 by 1")]
    [InlineData("[FloatRange(0, 1, Step = 1e-12)] public double X { get; init; }", "'X' takes 1000000000001 values from 0 to 1 by 1E-12")]
    public void Ranges_with_more_values_than_a_dimension_holds_are_refused(string property, string expected)
    {
        var diagnostic = Assert.Single(GeneratorHarness.Run(Source("public partial record C { " + property + "; }")).Diagnostics);

        Assert.Equal("DIALS020", diagnostic.Id);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(expected, message);
        Assert.Contains("more than the 2147483647 a dimension can hold", message);
    }

    [Theory]
    [InlineData("[Choice(double.NaN, 1.0)] public double X { get; init; } = 1.0", "NaN")]
    [InlineData("[Choice(1.0, double.NegativeInfinity)] public double X { get; init; } = 1.0", "-Infinity")]
    [InlineData("[Choice(1f, float.NaN)] public float X { get; init; } = 1f", "NaN")]
    [InlineData("[Choice(1.0, 1e300)] public float X { get; init; } = 1f", "1E+300")] // a float holds 1e300 as infinity
    public void Choices_that_are_not_finite_numbers_are_refused(string property, string shown)
    {
        var diagnostics = GeneratorHarness.Run(Source("public partial record C { " + property + "; }")).Diagnostics;

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "DIALS021");
        Assert.Equal($"'X' lists the choice {shown}, which is not a finite number; no configuration could be matched against it, so list finite values only",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_missing_initializer_counts_as_the_type_default()
    {
        var run = GeneratorHarness.Run(Source("public partial record C { [FloatRange(1e-5, 1)] public double LearningRate { get; init; } }"));
        Assert.Contains("0 (it has no initializer)", Assert.Single(run.Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("public partial record C { [IntRange(1, 2)] public required int Y { get; init; } }", "required members")]
    [InlineData("public partial record C(int Seed) { [IntRange(1, 2)] public int Y { get; init; } = 1; }", "parameterless constructor")]
    [InlineData("public abstract partial record C { [IntRange(1, 2)] public int Y { get; init; } = 1; }", "concrete type")]
    public void Types_that_cannot_be_created_are_unsupported(string declaration, string reason)
    {
        var diagnostic = Assert.Single(GeneratorHarness.Run(Source(declaration)).Diagnostics);
        Assert.Equal("DIALS019", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("public partial record C { public int Untuned { get; init; } = 3; }")]
    [InlineData("public partial class C { }")]
    public void A_type_with_no_dimensions_still_compiles(string declaration)
    {
        var run = GeneratorHarness.Run(Source(declaration));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("0 dimensions", Assert.Single(run.Sources));
    }

    [Fact]
    public void A_nested_type_s_error_is_reported_once_at_the_nested_type()
    {
        // The outer type's parse flattens Inner with its problems muted: Inner's own parse reports them.
        var run = GeneratorHarness.Run(Source(
            "public partial record C { public D Inner { get; init; } = new(); } [Hyperparameters] public partial record D { [FloatRange(1, 0)] public double X { get; init; } = 0.5; }"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("DIALS003", diagnostic.Id);
        Assert.Equal("FloatRange(1, 0)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Each_type_in_a_container_that_is_not_partial_is_named_once()
    {
        var run = GeneratorHarness.Run(Source(
            "public class Outer { [Hyperparameters] public partial record A { [IntRange(1, 2)] public int Y { get; init; } = 1; } [Hyperparameters] public partial record B { [IntRange(1, 2)] public int Y { get; init; } = 1; } }"));

        Assert.Equal(["DIALS018", "DIALS018"], run.Ids);
        Assert.Equal(["A", "B"], run.Diagnostics.Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)).Order());
    }

    [Fact]
    public void A_broken_type_gets_no_generated_code()
    {
        var run = GeneratorHarness.Run(Source("public partial record C { [FloatRange(1, 0)] public double X { get; init; } = 0.5; }"));
        Assert.Empty(run.Sources);
    }

    private static string Source(string declaration) =>
        "using Dials;\nnamespace Sample;\n" + (declaration.Contains("Outer") ? declaration : "[Hyperparameters]\n" + declaration);
}
