using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
    /// <summary>
    /// DIALS106: replaces a batch size's <c>[IntRange]</c> with <c>[PowerOfTwo]</c> over the nearest powers of two, and
    /// moves the default onto one of them when it would otherwise leave the space (the analyzer computes both).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UsePowerOfTwoCodeFix)), Shared]
    public sealed class UsePowerOfTwoCodeFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BatchSizeNotPowerOfTwo);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || Syntax.AttributeAt(root, context.Span) is not { } attribute || Syntax.PropertyAt(root, context.Span) is not { } property)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticIds.Properties.PowerOfTwoLow, out var low) || low is null
                    || !diagnostic.Properties.TryGetValue(DiagnosticIds.Properties.PowerOfTwoHigh, out var high) || high is null)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(DiagnosticIds.Properties.PowerOfTwoDefault, out var newDefault);
                context.RegisterCodeFix(
                    CodeAction.Create($"Search powers of two ([PowerOfTwo({low}, {high})])",
                        token => Task.FromResult(context.Document.WithSyntaxRoot(
                            root.ReplaceNode(property, Rewrite(property, attribute, low, high, newDefault)))),
                        nameof(UsePowerOfTwoCodeFix)),
                    diagnostic);
            }
        }

        private static PropertyDeclarationSyntax Rewrite(PropertyDeclarationSyntax property, AttributeSyntax attribute, string low, string high,
            string? newDefault)
        {
            // Keep the name as written (IntRange, IntRangeAttribute, Dials.IntRange), swapping only the attribute's own name.
            var name = SyntaxFactory.ParseName(attribute.Name.ToString().Replace("IntRange", "PowerOfTwo")).WithTriviaFrom(attribute.Name);
            var arguments = SyntaxFactory.ParseAttributeArgumentList("(" + low + ", " + high + ")");
            var rewritten = property.ReplaceNode(attribute, attribute.WithName(name).WithArgumentList(arguments));
            if (newDefault is null)
            {
                return rewritten;
            }

            var value = long.Parse(newDefault, NumberStyles.Integer, CultureInfo.InvariantCulture);
            return Syntax.WithInitializer(rewritten, SyntaxFactory.ParseExpression(value.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
