using System.Collections.Immutable;
using Dials.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dials.Generators.Tests;

/// <summary>Runs the generator over source text in a real compilation, the way the compiler would.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                           || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(HyperparametersAttribute).Assembly.Location),
    ]);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview);

    /// <summary>The references above plus Dials.Options and the Microsoft.Extensions assemblies its registrations use,
    /// without XML doc files, as a command-line build of an application that binds configuration sees them.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> OptionsReferences = new(() =>
    [
        .. References.Value,
        .. new[]
        {
            typeof(Dials.Options.TuningOptions).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly,
            typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly,
            typeof(Microsoft.Extensions.Options.OptionsBuilder<>).Assembly,
        }.Select(assembly => MetadataReference.CreateFromFile(assembly.Location)),
    ]);

    public static CSharpCompilation Compile(params string[] sources) => Compile(References.Value, sources);

    /// <summary>Compiles an application that references Dials.Options.</summary>
    public static CSharpCompilation CompileWithOptions(params string[] sources) => Compile(OptionsReferences.Value, sources);

    private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, string[] sources) =>
        CSharpCompilation.Create(
            "Tests",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new HyperparametersGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator and then the declaration analyzer over the compilation that includes its output, as a
    /// build does; returns both one's diagnostics, the generated sources, and the compiler's diagnostics of that
    /// compilation (which must be clean for valid input).</summary>
    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    /// <summary>Runs the generator over a compilation made by <see cref="Compile(string[])"/> or <see cref="CompileWithOptions"/>.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var analyzerDiagnostics = output
            .WithAnalyzers([new DeclarationAnalyzer()])
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new GeneratorRun(
            generatorDiagnostics,
            analyzerDiagnostics,
            [.. result.GeneratedTrees.Select(t => t.GetText().ToString())],
            [.. output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)]);
    }
}

/// <param name="GeneratorDiagnostics">What the generator itself reports: nothing, since the declaration errors come from
/// the analyzer.</param>
/// <param name="AnalyzerDiagnostics">What <see cref="DeclarationAnalyzer"/> reports (DIALS001-DIALS099).</param>
internal sealed record GeneratorRun(
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    ImmutableArray<string> Sources,
    ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    /// <summary>The Dials diagnostics a build would list: the generator's and the declaration analyzer's.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => GeneratorDiagnostics.AddRange(AnalyzerDiagnostics);

    public IEnumerable<string> Ids => Diagnostics.Select(d => d.Id);
}
