using System.Composition;
using System.Linq;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Dials.CodeFixes
{
    /// <summary>
    /// DIALS001 / DIALS018: adds <c>partial</c> to the [Hyperparameters] type and to every type enclosing it that lacks
    /// it, so the generator can add the search space beside the declaration.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
    public sealed class MakePartialCodeFix : SingleEditCodeFix
    {
        /// <summary>Answers DIALS001 and DIALS018.</summary>
        public MakePartialCodeFix()
            : base(DiagnosticIds.TypeNotPartial, DiagnosticIds.ContainingTypeNotPartial)
        {
        }

        /// <inheritdoc />
        protected internal override (string Title, SyntaxNode NewRoot)? Fix(FixTarget target)
        {
            var declarations = target.Root.FindToken(target.Span.Start).Parent?
                .AncestorsAndSelf().OfType<TypeDeclarationSyntax>()
                .Where(type => !type.Modifiers.Any(SyntaxKind.PartialKeyword))
                .ToList();
            if (declarations is null || declarations.Count == 0)
            {
                return null;
            }

            // The generator orders modifiers as the language requires ('partial' right before the keyword).
            var generator = SyntaxGenerator.GetGenerator(target.Document);
            var newRoot = target.Root.ReplaceNodes(declarations,
                (_, rewritten) => generator.WithModifiers(rewritten, generator.GetModifiers(rewritten).WithPartial(true)));
            return ("Make partial", newRoot);
        }
    }
}
