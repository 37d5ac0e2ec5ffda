using Dials.Generators.Emitting;
using Dials.Generators.Parsing;
using Dials.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.Generators
{
    /// <summary>
    /// Implements IHyperparameters for every [Hyperparameters] partial type: a typed SearchSpace with encode, decode and
    /// validation, without reflection at run time. A declaration it cannot honour gets no code; the error (DIALS001-DIALS099)
    /// is reported by <see cref="Analyzers.DeclarationAnalyzer"/>, which runs the same parse, and not here: a generator's
    /// diagnostics reach only hosts that read its run (a language server like csharp-ls shows the compilation's and the
    /// analyzers' diagnostics only), and reported from both a build would list each error twice.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class HyperparametersGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names, so tests can check that unrelated edits leave these steps cached.</summary>
        public static class Steps
        {
            /// <summary>The parse of each [Hyperparameters] type into an equatable model (null when it is broken).</summary>
            public const string Parse = "Dials.Parse";

            /// <summary>The models that produce source.</summary>
            public const string Models = "Dials.Models";

            /// <summary>The registrations that bind a configuration section with a constant path.</summary>
            public const string Sections = "Dials.Sections";
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownSymbols.HyperparametersName,
                    static (node, _) => node is TypeDeclarationSyntax,
                    static (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, cancellationToken))
                .WithTrackingName(Steps.Parse);

            var models = parsed
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(Steps.Models);

            context.RegisterSourceOutput(models, static (production, model) =>
                production.AddSource(model.HintName, Emitter.Emit(model)));

            // The configuration schema: the sections AddHyperparameters/AddTuning bind, with the models of their types.
            var sections = context.SyntaxProvider
                .CreateSyntaxProvider(SectionBindingParser.IsCandidate, SectionBindingParser.Parse)
                .Where(static binding => binding is not null)
                .Select(static (binding, _) => binding!)
                .WithTrackingName(Steps.Sections);
            context.RegisterSourceOutput(sections.Collect().Combine(models.Collect()), static (production, pair) =>
            {
                if (SchemaEmitter.Json(pair.Left, pair.Right) is { } json)
                {
                    production.AddSource("Dials.ConfigurationSchema.g.cs", SchemaEmitter.EmitSource(json));
                }
            });

            // Only in Dials.Options itself: the summaries of its tuning settings, carried for applications' schemas.
            var carried = context.CompilationProvider.Select(TuningSchemaReader.CarriedDocumentation);
            context.RegisterSourceOutput(carried, static (production, summaries) =>
            {
                if (summaries.Count > 0)
                {
                    production.AddSource("Dials.CarriedDocumentation.g.cs", SchemaEmitter.EmitCarriedDocumentation(summaries));
                }
            });
        }
    }
}
