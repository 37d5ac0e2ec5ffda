using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dials.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.CodeFixes
{
    /// <summary>DIALS102: samples a wide range in log space by setting <c>Log = true</c> on its attribute.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseLogScaleCodeFix)), Shared]
    public sealed class UseLogScaleCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WideLinearRange);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || Syntax.AttributeAt(root, context.Span) is not { } attribute)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Sample on a log scale (Log = true)",
                        token => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, WithLog(attribute)))),
                        nameof(UseLogScaleCodeFix)),
                    diagnostic);
            }
        }

        private static AttributeSyntax WithLog(AttributeSyntax attribute)
        {
            var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            var written = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Log");
            var isTrue = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
            var updated = written is not null
                ? arguments.ReplaceNode(written, written.WithExpression(isTrue.WithTriviaFrom(written.Expression)))
                : arguments.AddArguments(Syntax.NamedArgument("Log", isTrue));
            return attribute.WithArgumentList(updated);
        }
    }
}
