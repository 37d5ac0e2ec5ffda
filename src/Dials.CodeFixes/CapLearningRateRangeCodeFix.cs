using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Dials.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.CodeFixes
{
    /// <summary>DIALS101: ends a learning rate's <c>[FloatRange]</c> at 1, the edge of the values that train.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CapLearningRateRangeCodeFix)), Shared]
    public sealed class CapLearningRateRangeCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LearningRateRangeAboveOne);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null || Syntax.AttributeAt(root, context.Span) is not { } attribute
                || attribute.ArgumentList is not { Arguments.Count: >= 2 } arguments
                || !IsFloatRangeStartingBelowOne(attribute, arguments, model))
            {
                return; // A list of choices has no single bound to move; the developer picks which to drop.
            }

            var high = arguments.Arguments[1];
            var one = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)).WithTriviaFrom(high.Expression);
            foreach (var diagnostic in context.Diagnostics)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("End the range at 1",
                        token => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(high.Expression, one))),
                        nameof(CapLearningRateRangeCodeFix)),
                    diagnostic);
            }
        }

        private static bool IsFloatRangeStartingBelowOne(AttributeSyntax attribute, AttributeArgumentListSyntax arguments, SemanticModel model) =>
            model.GetSymbolInfo(attribute).Symbol?.ContainingType?.Name == "FloatRangeAttribute"
            && arguments.Arguments[0].NameEquals is null
            && model.GetConstantValue(arguments.Arguments[0].Expression) is { HasValue: true, Value: { } low }
            && System.Convert.ToDouble(low, System.Globalization.CultureInfo.InvariantCulture) < 1;
    }
}
