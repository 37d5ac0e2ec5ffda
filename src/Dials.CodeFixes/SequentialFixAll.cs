using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Dials.CodeFixes
{
    /// <summary>
    /// Fix All for a <see cref="SingleEditCodeFix"/>: in each document, the diagnostics' fixes are applied one after
    /// another, each to the document as the previous one left it.
    /// </summary>
    /// <remarks>
    /// Not the batch fixer, for two reasons. Fixes in one document can touch the same declaration (two nested types made
    /// partial share their container), and the batch fixer merges the edits, skipping those that overlap. And the batch
    /// fixer keeps only actions whose equivalence key equals the one it is asked with, while dotnet format asks with the
    /// key of the action registered for the first diagnostic of its run; that is often a diagnostic of another rule, with
    /// no action and so no key, and every action was dropped ("didn't return a Fix All action"). Each provider offers
    /// one kind of action, so the key carries no choice here and is not filtered on.
    /// </remarks>
    internal sealed class SequentialFixAll : FixAllProvider
    {
        private readonly SingleEditCodeFix fix;

        public SequentialFixAll(SingleEditCodeFix fix)
        {
            this.fix = fix;
        }

        /// <inheritdoc />
        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is { } document => new[] { document },
                FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                _ => null,
            };
            if (documents is null)
            {
                return Task.FromResult<CodeAction?>(null);
            }

            return Task.FromResult<CodeAction?>(CodeAction.Create(
                "Fix all in " + fixAllContext.Scope.ToString().ToLowerInvariant(),
                cancellationToken => FixDocumentsAsync(fixAllContext, documents, cancellationToken),
                fix.EquivalenceKey));
        }

        private async Task<Solution> FixDocumentsAsync(FixAllContext context, IReadOnlyList<Document> documents, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            foreach (var document in documents)
            {
                // Through the context, which keeps the diagnostics of the IDs asked for, as the host hands them over.
                var diagnostics = (await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                    .Where(fix.Answers).ToList();
                if (diagnostics.Count > 0 && await FixDocumentAsync(document, diagnostics, cancellationToken).ConfigureAwait(false) is { } root)
                {
                    solution = solution.WithDocumentSyntaxRoot(document.Id, root);
                }
            }

            return solution;
        }

        private async Task<SyntaxNode?> FixDocumentAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return null;
            }

            // Each diagnostic's span is found again after earlier edits through an annotation on the node around it.
            var marks = diagnostics.Where(d => root.FullSpan.Contains(d.Location.SourceSpan))
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(diagnostic => new Mark(diagnostic, root)).ToList();
            var current = document.WithSyntaxRoot(root.ReplaceNodes(marks.Select(m => m.Node).Distinct(),
                (original, rewritten) => rewritten.WithAdditionalAnnotations(marks.Where(m => m.Node == original).Select(m => m.Annotation))));
            var changed = false;
            foreach (var mark in marks)
            {
                var currentRoot = (await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                if (mark.SpanIn(currentRoot) is not { } span)
                {
                    continue; // An earlier fix rewrote this node: there is nothing left of the diagnostic to fix.
                }

                var model = (await current.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                var target = new SingleEditCodeFix.FixTarget(current, currentRoot, model, span, mark.Diagnostic.Properties, cancellationToken);
                if (fix.Fix(target) is var (_, newRoot))
                {
                    current = current.WithSyntaxRoot(newRoot);
                    changed = true;
                }
            }

            return changed ? (await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))! : null;
        }

        /// <summary>A diagnostic, the smallest node holding its span, and where in that node the span lies.</summary>
        private sealed class Mark
        {
            public Mark(Diagnostic diagnostic, SyntaxNode root)
            {
                Diagnostic = diagnostic;
                var span = diagnostic.Location.SourceSpan;
                Node = root.FindNode(span, getInnermostNodeForTie: true);
                Offset = span.Start - Node.SpanStart;
                Length = span.Length;
            }

            public Diagnostic Diagnostic { get; }

            public SyntaxNode Node { get; }

            public SyntaxAnnotation Annotation { get; } = new SyntaxAnnotation();

            private int Offset { get; }

            private int Length { get; }

            /// <summary>The diagnostic's span in <paramref name="root"/>, or null when its node is gone or has shrunk past it.</summary>
            public TextSpan? SpanIn(SyntaxNode root)
            {
                var node = root.GetAnnotatedNodes(Annotation).FirstOrDefault();
                return node is not null && Offset + Length <= node.Span.Length ? new TextSpan(node.SpanStart + Offset, Length) : (TextSpan?)null;
            }
        }
    }
}
