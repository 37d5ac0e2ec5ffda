using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Dials.CodeFixes
{
    /// <summary>
    /// What every Dials fix shares: one edit of the diagnostic's document per diagnostic, computed up front (so a fix that
    /// does not apply is simply not offered) and batchable across a document, project or solution.
    /// </summary>
    public abstract class SingleEditCodeFix : CodeFixProvider
    {
        /// <param name="fixableIds">The diagnostics this fix answers.</param>
        protected SingleEditCodeFix(params string[] fixableIds)
        {
            FixableDiagnosticIds = ImmutableArray.Create(fixableIds);
        }

        /// <inheritdoc />
        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        /// <inheritdoc />
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var target = new FixTarget(context.Document, root, model, diagnostic, context.CancellationToken);
                if (Fix(target) is var (title, newRoot))
                {
                    // One key per provider, so "fix all" gathers every occurrence of this fix.
                    context.RegisterCodeFix(
                        CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), GetType().Name),
                        diagnostic);
                }
            }
        }

        /// <summary>The fix's title and the document's new root, or null when the fix does not apply here.</summary>
        protected abstract (string Title, SyntaxNode NewRoot)? Fix(FixTarget target);

        /// <summary>The diagnostic to fix and the document it is in.</summary>
        protected sealed class FixTarget
        {
            internal FixTarget(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
            {
                Document = document;
                Root = root;
                Model = model;
                Diagnostic = diagnostic;
                CancellationToken = cancellationToken;
            }

            /// <summary>The document holding the diagnostic.</summary>
            public Document Document { get; }

            /// <summary>The document's syntax root.</summary>
            public SyntaxNode Root { get; }

            /// <summary>The document's semantic model.</summary>
            public SemanticModel Model { get; }

            /// <summary>The diagnostic being fixed.</summary>
            public Diagnostic Diagnostic { get; }

            /// <summary>Cancels the fix's computation.</summary>
            public CancellationToken CancellationToken { get; }
        }
    }
}
