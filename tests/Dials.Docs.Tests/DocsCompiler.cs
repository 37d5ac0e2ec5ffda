using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Dials.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Dials.Docs.Tests;

/// <summary>
/// Compiles documentation blocks with Roslyn as a user's build would: against the Dials assemblies, the SDK's implicit
/// usings of a console app, the Dials source generator and the Dials analyzers. Every block's code is placed under a
/// <c>#line</c> directive, so each diagnostic names the Markdown file and line it comes from.
/// </summary>
/// <remarks>
/// <para>Whole programs (<see cref="DocBlocks.Program"/>, <see cref="DocBlocks.Training"/>) get a compilation each,
/// since a compilation holds one set of top-level statements; every <see cref="DocBlocks.Members"/> and
/// <see cref="DocBlocks.Declarations"/> block shares one compilation, each in a namespace of its own.</para>
/// <para>A block passes when it has no error or warning and exactly the DIALS diagnostics its comments name: a line
/// with a comment <c>// DIALS016</c> must get DIALS016 on that line (a diagnostics page's example), and no other line
/// may get one.</para>
/// </remarks>
internal static partial class DocsCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    // What `dotnet new console` turns on with ImplicitUsings: the blocks show every other using they need.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    // The SDK's default NoWarn: assembly version unification notes (a package built against an older runtime).
    private static readonly Dictionary<string, ReportDiagnostic> SdkNoWarn = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => IsReferenced(Path.GetFileNameWithoutExtension(path)))
            .Select(path => MetadataReference.CreateFromFile(path)),
    ]);

    private static readonly Lazy<(ImmutableArray<ISourceGenerator> Generators, ImmutableArray<DiagnosticAnalyzer> Analyzers)> Tools = new(() =>
    {
        // Every generator and analyzer Dials ships, found rather than listed, so a new rule is checked at once.
        var types = typeof(HyperparametersGenerator).Assembly.GetTypes().Where(type => !type.IsAbstract).ToList();
        return (
            [.. types.Where(type => type.GetCustomAttribute<GeneratorAttribute>() is not null)
                .Select(type => ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator())],
            [.. types.Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)]);
    });

    /// <summary>Compiles the blocks; returns one line per problem, each starting with the file and line it is at.</summary>
    /// <param name="blocks">The blocks.</param>
    /// <param name="harnessDirectory">The folder holding the harness's C# files.</param>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IReadOnlyList<DocBlock> blocks, string harnessDirectory)
    {
        var unknown = blocks.Where(block => !DocBlocks.Harnesses.Contains(block.Harness))
            .Select(block => $"{block}: unknown snippet harness '{block.Harness}' (known: {string.Join(", ", DocBlocks.Harnesses)})");
        var shared = blocks.Where(block => block.Harness is DocBlocks.Members or DocBlocks.Declarations).ToList();
        var programs = blocks.Where(block => block.Harness is DocBlocks.Program or DocBlocks.Training);

        var harness = Directory.EnumerateFiles(harnessDirectory, "*.cs").Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path: "Harness/" + Path.GetFileName(path)))
            .ToList();
        var compilations = programs.Select(block => (Blocks: (IReadOnlyList<DocBlock>)[block], Trees: ProgramTrees(block, harness)));
        if (shared.Count > 0)
        {
            compilations = compilations.Append((shared, shared.Select(SharedTree).ToList()));
        }

        var problems = new List<string>(unknown);
        foreach (var (compiledBlocks, trees) in compilations)
        {
            var outputKind = compiledBlocks[0].Harness is DocBlocks.Program or DocBlocks.Training
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;
            problems.AddRange(Check(compiledBlocks, trees, await DiagnoseAsync(trees, outputKind)));
        }

        return problems;
    }

    private static bool IsReferenced(string name) =>
        name is "mscorlib" or "netstandard" or "Npgsql" or "TorchSharp"
        || name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.ML", StringComparison.Ordinal) // docs/ml-model.md loads a model with ML.NET
        || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal)
        || (name.StartsWith("Dials", StringComparison.Ordinal) && !name.EndsWith(".Tests", StringComparison.Ordinal)
            && name is not ("Dials.Generators" or "Dials.CodeFixes"));

    private static List<SyntaxTree> ProgramTrees(DocBlock block, IReadOnlyList<SyntaxTree> harness)
    {
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "ImplicitUsings.g.cs"),
            Parse(block, WithLineDirective(block)),
        };
        if (block.Harness == DocBlocks.Training)
        {
            trees.AddRange(harness);
        }

        return trees;
    }

    private static SyntaxTree SharedTree(DocBlock block, int index)
    {
        var text = new StringBuilder()
            .AppendLine("using Dials;")
            .AppendLine($"namespace Docs.Block{index};");
        if (block.Harness == DocBlocks.Members)
        {
            text.AppendLine("[Hyperparameters]").AppendLine("public partial record Example").AppendLine("{")
                .Append(WithLineDirective(block)).AppendLine("#line default").AppendLine("}");
        }
        else
        {
            text.Append(WithLineDirective(block));
        }

        return Parse(block, text.ToString());
    }

    private static string WithLineDirective(DocBlock block) => $"#line {block.Line} \"{block.File}\"\n{block.Code}\n";

    private static SyntaxTree Parse(DocBlock block, string text) =>
        CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), ParseOptions, path: $"{block.File}.{block.Line}.cs");

    private static async Task<IReadOnlyList<Diagnostic>> DiagnoseAsync(IReadOnlyList<SyntaxTree> trees, OutputKind outputKind)
    {
        var compilation = CSharpCompilation.Create(
            "DocsExample",
            trees,
            References.Value,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn));
        var driver = CSharpGeneratorDriver.Create(Tools.Value.Generators, parseOptions: ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var all = await generated.WithAnalyzers(Tools.Value.Analyzers).GetAllDiagnosticsAsync();
        return [.. generatorDiagnostics.Concat(all).Where(Matters)];
    }

    // Errors and warnings always; DIALS diagnostics at every severity, since a page's example may show an info rule.
    private static bool Matters(Diagnostic diagnostic) =>
        diagnostic.Severity >= DiagnosticSeverity.Warning
        || (diagnostic.Id.StartsWith("DIALS", StringComparison.Ordinal) && diagnostic.Severity != DiagnosticSeverity.Hidden);

    private static IEnumerable<string> Check(IReadOnlyList<DocBlock> blocks, IReadOnlyList<SyntaxTree> trees, IReadOnlyList<Diagnostic> diagnostics)
    {
        var expected = blocks.SelectMany(Expected).ToHashSet();
        var found = new HashSet<(string File, int Line, string Id)>();
        foreach (var diagnostic in diagnostics)
        {
            var span = Mapped(diagnostic.Location, trees);
            var at = (File: span.Path ?? "", Line: span.StartLinePosition.Line + 1, diagnostic.Id);
            if (expected.Contains(at))
            {
                found.Add(at);
                continue;
            }

            // A diagnostic outside every block (in the harness, in generated code) is reported where it is, after the
            // block that caused it.
            var where = blocks.Any(block => block.File == at.File) ? $"{at.File}:{at.Line}"
                : at.File.Length == 0 ? blocks[0].ToString()
                : $"{blocks[0]} (in {at.File}:{at.Line})";
            yield return $"{where}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        foreach (var missing in expected.Except(found).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line))
        {
            yield return $"{missing.File}:{missing.Line}: {missing.Id} is named in a comment but not reported on that line";
        }
    }

    /// <summary>Where a diagnostic is, in Markdown terms. The generator reports its diagnostics at locations it rebuilds from
    /// a file path and a span (it may not keep syntax trees between runs), which carry no <c>#line</c> mapping: those are
    /// mapped through the tree of that path.</summary>
    private static FileLinePositionSpan Mapped(Location location, IReadOnlyList<SyntaxTree> trees) =>
        location.IsInSource ? location.GetMappedLineSpan()
        : trees.FirstOrDefault(tree => location.Kind == LocationKind.ExternalFile && tree.FilePath == location.GetLineSpan().Path) is { } tree
            ? tree.GetMappedLineSpan(location.SourceSpan)
            : location.GetMappedLineSpan();

    /// <summary>The diagnostics a block's comments say it shows: <c>// DIALS016</c> on a line means DIALS016 there.</summary>
    private static IEnumerable<(string File, int Line, string Id)> Expected(DocBlock block) =>
        block.Code.Split('\n').SelectMany((line, i) => Named().Matches(line)
            .Select(match => (block.File, block.Line + i, match.Groups["id"].Value)));

    [GeneratedRegex(@"//.*?\b(?<id>DIALS\d{3})\b")]
    private static partial Regex Named();
}
