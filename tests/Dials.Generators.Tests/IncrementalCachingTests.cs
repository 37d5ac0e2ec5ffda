using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dials.Generators.Tests;

/// <summary>
/// The generator's work is cached between compilations: an edit that touches no hyperparameters type leaves the parse
/// and model steps Cached or Unchanged, so the IDE does not re-emit code on every keystroke.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string Record = """
        using Dials;
        namespace Sample;
        [Hyperparameters]
        public partial record Config
        {
            [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-2;
            [Choice("a", "b")] public string Kind { get; init; } = "a";
        }
        """;

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Record, "namespace Sample; public class Other { public int X => 1; }");
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Sample; public class Other { public int X => 2; public int Y => 3; }", GeneratorHarness.ParseOptions, path: "Source1.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in new[] { HyperparametersGenerator.Steps.Parse, HyperparametersGenerator.Steps.Models })
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step} was {o.Reason} after an unrelated edit"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output was {o.Reason}"));
    }

    [Fact]
    public void Editing_the_record_regenerates_it()
    {
        var compilation = GeneratorHarness.Compile(Record);
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Record.Replace("\"a\", \"b\"", "\"a\", \"b\", \"c\""), GeneratorHarness.ParseOptions, path: "Source0.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var models = result.TrackedSteps[HyperparametersGenerator.Steps.Models].SelectMany(s => s.Outputs);
        Assert.Contains(models, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("\"c\"", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void Models_hold_no_symbols_or_syntax()
    {
        // Symbols and syntax nodes pin whole compilations in memory and defeat caching (their equality is by reference).
        var compilation = GeneratorHarness.Compile(Record);
        var result = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();
        var model = result.TrackedSteps[HyperparametersGenerator.Steps.Parse].Single().Outputs.Single().Value;
        AssertNoRoslynObjects(model, depth: 0);
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075",
        Justification = "Test-only reflection over the generator's model objects; the trim analyzer is on for the generated code.")]
    private static void AssertNoRoslynObjects(object? value, int depth)
    {
        if (value is null || depth > 8 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location,
            $"pipeline model holds a {value.GetType().Name}");
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            if (property.PropertyType == typeof(DiagnosticDescriptor))
            {
                continue; // Static, shared descriptors: equal by reference and safe to hold.
            }

            AssertNoRoslynObjects(property.GetValue(value), depth + 1);
        }
    }
}
