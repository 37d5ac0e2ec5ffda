using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Dials.CodeFixes
{
    /// <summary>
    /// What every Dials fix shares: one edit of the diagnostic's document per diagnostic, computed up front (so a fix that
    /// does not apply is simply not offered), and a Fix All that applies those edits across a document, project or
    /// solution (<see cref="SequentialFixAll"/>).
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

        /// <summary>The equivalence key of every action this fix offers: one per provider, so Fix All gathers them all.</summary>
        public string EquivalenceKey => GetType().Name;

        /// <inheritdoc />
        public sealed override FixAllProvider GetFixAllProvider() => new SequentialFixAll(this);

        /// <inheritdoc />
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            // Hosts may pass diagnostics of other rules along (dotnet format hands every provider the first diagnostic
            // of the analyzer's run, whatever its ID); a fix is only ever offered for the rules it answers.
            foreach (var diagnostic in context.Diagnostics.Where(Answers))
            {
                var target = new FixTarget(context.Document, root, model, diagnostic.Location.SourceSpan, diagnostic.Properties,
                    context.CancellationToken);
                if (Fix(target) is var (title, newRoot))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// Whether this fix answers <paramref name="diagnostic"/>: one of its rules, pointing into a syntax tree (every Dials
        /// diagnostic, the declaration errors included, comes from an analyzer).
        /// </summary>
        internal bool Answers(Diagnostic diagnostic) =>
            FixableDiagnosticIds.Contains(diagnostic.Id) && diagnostic.Location.Kind == LocationKind.SourceFile;

        /// <summary>The fix's title and the document's new root, or null when the fix does not apply here.</summary>
        protected internal abstract (string Title, SyntaxNode NewRoot)? Fix(FixTarget target);

        /// <summary>The diagnostic to fix and the document it is in.</summary>
        protected internal sealed class FixTarget
        {
            internal FixTarget(Document document, SyntaxNode root, SemanticModel model, TextSpan span,
                ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
            {
                Document = document;
                Root = root;
                Model = model;
                Span = span;
                Properties = properties;
                CancellationToken = cancellationToken;
            }

            /// <summary>The document holding the diagnostic.</summary>
            public Document Document { get; }

            /// <summary>The document's syntax root.</summary>
            public SyntaxNode Root { get; }

            /// <summary>The document's semantic model.</summary>
            public SemanticModel Model { get; }

            /// <summary>Where the diagnostic is in <see cref="Root"/> (moved along when earlier fixes of a Fix All edited the document).</summary>
            public TextSpan Span { get; }

            /// <summary>The data the analyzer attached to the diagnostic for its fix.</summary>
            public ImmutableDictionary<string, string?> Properties { get; }

            /// <summary>Cancels the fix's computation.</summary>
            public CancellationToken CancellationToken { get; }
        }
    }
}
