using System.Composition;
using System.Globalization;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.CodeFixes
{
    /// <summary>DIALS101: ends a learning rate's <c>[FloatRange]</c> at 1, the edge of the values that train.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CapLearningRateRangeCodeFix)), Shared]
    public sealed class CapLearningRateRangeCodeFix : SingleEditCodeFix
    {
        /// <summary>Answers DIALS101.</summary>
        public CapLearningRateRangeCodeFix()
            : base(DiagnosticIds.LearningRateRangeAboveOne)
        {
        }

        /// <inheritdoc />
        protected internal override (string Title, SyntaxNode NewRoot)? Fix(FixTarget target)
        {
            // A list of choices has no single bound to move: which ones to drop is the developer's call.
            if (Syntax.AttributeAt(target.Root, target.Span) is not { } attribute
                || attribute.ArgumentList is not { Arguments.Count: >= 2 } arguments
                || !IsFloatRangeStartingBelowOne(attribute, arguments, target.Model))
            {
                return null;
            }

            var high = arguments.Arguments[1].Expression;
            var one = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)).WithTriviaFrom(high);
            return ("End the range at 1", target.Root.ReplaceNode(high, one));
        }

        private static bool IsFloatRangeStartingBelowOne(AttributeSyntax attribute, AttributeArgumentListSyntax arguments, SemanticModel model) =>
            model.GetSymbolInfo(attribute).Symbol?.ContainingType?.Name == "FloatRangeAttribute"
            && arguments.Arguments[0].NameEquals is null
            && model.GetConstantValue(arguments.Arguments[0].Expression) is { HasValue: true, Value: { } low }
            && System.Convert.ToDouble(low, CultureInfo.InvariantCulture) < 1;
    }
}
