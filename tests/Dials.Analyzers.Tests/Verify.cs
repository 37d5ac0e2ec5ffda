using Dials.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Dials.Analyzers.Tests;

/// <summary>
/// Runs <see cref="HyperparameterValuesAnalyzer"/> (and a code fix) over test sources. Sources mark expected diagnostics
/// with <c>{|DIALS1xx:span|}</c>; every diagnostic not marked fails the test, so each case also proves what is NOT flagged.
/// </summary>
internal static class Verify
{
    /// <summary>The usings every test source starts with.</summary>
    public const string Usings = "using Dials;\n";

    public static Task Analyzer(string source) => Fix<EmptyCodeFixProvider>(source, null);

    public static Task Fix<TCodeFix>(string source, string? fixedSource)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new Test<HyperparameterValuesAnalyzer, TCodeFix> { TestCode = Usings + source };
        if (fixedSource is not null)
        {
            test.FixedCode = Usings + fixedSource;
        }

        return test.RunAsync();
    }

    /// <summary>
    /// A fix of a diagnostic the generator reports (DIALS0xx). The testing library does not offer generator diagnostics
    /// to code fixes, so this runs the generator over the source, checks the diagnostic is reported on
    /// <paramref name="flaggedText"/>, applies the fix, and checks the result and that the generator is then satisfied.
    /// </summary>
    public static async Task GeneratorFix<TCodeFix>(string source, string id, string flaggedText, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
    {
        var document = CreateDocument(Usings + source);
        var diagnostic = Assert.Single(await GeneratorDiagnosticsAsync(document), d => d.Id == id);
        // The generator reports through path-and-span locations (its output must be equatable), not syntax trees.
        Assert.Equal(flaggedText, (await document.GetTextAsync()).ToString(diagnostic.Location.SourceSpan));

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new TCodeFix().RegisterCodeFixesAsync(context);
        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;

        Assert.Equal(Usings + fixedSource, (await changed.GetTextAsync()).ToString());
        Assert.DoesNotContain(await GeneratorDiagnosticsAsync(changed), d => d.Id == id);
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithMetadataReferences(TestReferences.All);
        return project.AddDocument("Test.cs", source);
    }

    private static async Task<IReadOnlyList<Diagnostic>> GeneratorDiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        CSharpGeneratorDriver.Create(new Dials.Generators.HyperparametersGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        return diagnostics;
    }

    private sealed class Test<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            FixedState.AdditionalReferences.AddRange(TestReferences.All);
        }
    }
}
