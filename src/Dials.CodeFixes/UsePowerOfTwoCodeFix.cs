using System.Composition;
using System.Globalization;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
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
    public sealed class UsePowerOfTwoCodeFix : SingleEditCodeFix
    {
        /// <summary>Answers DIALS106.</summary>
        public UsePowerOfTwoCodeFix()
            : base(DiagnosticIds.BatchSizeNotPowerOfTwo)
        {
        }

        /// <inheritdoc />
        protected internal override (string Title, SyntaxNode NewRoot)? Fix(FixTarget target)
        {
            var span = target.Span;
            var properties = target.Properties;
            if (Syntax.AttributeAt(target.Root, span) is not { } attribute || Syntax.PropertyAt(target.Root, span) is not { } property
                || !properties.TryGetValue(DiagnosticIds.Properties.PowerOfTwoLow, out var low) || low is null
                || !properties.TryGetValue(DiagnosticIds.Properties.PowerOfTwoHigh, out var high) || high is null)
            {
                return null;
            }

            // Keep the name as written (IntRange, IntRangeAttribute, Dials.IntRange), swapping only the attribute's own name.
            var name = SyntaxFactory.ParseName(attribute.Name.ToString().Replace("IntRange", "PowerOfTwo")).WithTriviaFrom(attribute.Name);
            var arguments = SyntaxFactory.ParseAttributeArgumentList("(" + low + ", " + high + ")");
            var rewritten = property.ReplaceNode(attribute, attribute.WithName(name).WithArgumentList(arguments));
            if (properties.TryGetValue(DiagnosticIds.Properties.PowerOfTwoDefault, out var newDefault) && newDefault is not null)
            {
                var value = long.Parse(newDefault, NumberStyles.Integer, CultureInfo.InvariantCulture);
                rewritten = Syntax.WithInitializer(rewritten, SyntaxFactory.ParseExpression(value.ToString(CultureInfo.InvariantCulture)));
            }

            return ($"Search powers of two ([PowerOfTwo({low}, {high})])", target.Root.ReplaceNode(property, rewritten));
        }
    }
}
