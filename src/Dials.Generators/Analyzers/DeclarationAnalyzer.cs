using System.Collections.Immutable;
using Dials.Generators.Diagnostics;
using Dials.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dials.Generators.Analyzers
{
    /// <summary>
    /// Reports the declarations <see cref="HyperparametersGenerator"/> cannot honour (DIALS001-DIALS099): it runs the
    /// generator's own <see cref="Parser"/> over each [Hyperparameters] declaration and reports what the parse collected.
    /// </summary>
    /// <remarks>
    /// An analyzer rather than the generator, because hosts read analyzers' diagnostics and not always a generator's: a
    /// language server such as csharp-ls shows the compilation's and the analyzers' diagnostics only, and dotnet format
    /// fixes only what analyzers report. The generator reports nothing, so a build lists each error once. A type is
    /// parsed here exactly as the generator parses it (the declaration that carries the attribute, nested types' own
    /// problems muted), so each diagnostic is reported once, where the generator reported it before.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.DeclarationRules;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var hyperparameters = start.Compilation.GetTypeByMetadataName(KnownSymbols.HyperparametersName);
                if (hyperparameters is null)
                {
                    return; // Dials is not referenced: nothing to check.
                }

                start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, hyperparameters), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol hyperparameters)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            foreach (var attribute in type.GetAttributes())
            {
                // As the generator finds its targets: each type declaration the attribute is written on.
                if (!KnownSymbols.Is(attribute, hyperparameters)
                    || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).Parent?.Parent is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                var sink = new DiagnosticSink(muted: false);
                Parser.Parse(type, declaration, context.Compilation, sink, context.CancellationToken);
                foreach (var diagnostic in sink.Diagnostics)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }
}
