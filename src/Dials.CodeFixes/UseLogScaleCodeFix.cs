using System.Composition;
using System.Linq;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.CodeFixes
{
    /// <summary>DIALS102: samples a wide range in log space by setting <c>Log = true</c> on its attribute.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseLogScaleCodeFix)), Shared]
    public sealed class UseLogScaleCodeFix : SingleEditCodeFix
    {
        /// <summary>Answers DIALS102.</summary>
        public UseLogScaleCodeFix()
            : base(DiagnosticIds.WideLinearRange)
        {
        }

        /// <inheritdoc />
        protected internal override (string Title, SyntaxNode NewRoot)? Fix(FixTarget target)
        {
            if (Syntax.AttributeAt(target.Root, target.Span) is not { } attribute)
            {
                return null;
            }

            var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            var written = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Log");
            var isTrue = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
            var updated = written is not null
                ? arguments.ReplaceNode(written, written.WithExpression(isTrue.WithTriviaFrom(written.Expression)))
                : arguments.AddArguments(Syntax.NamedArgument("Log", isTrue));
            return ("Sample on a log scale (Log = true)", target.Root.ReplaceNode(attribute, attribute.WithArgumentList(updated)));
        }
    }
}
