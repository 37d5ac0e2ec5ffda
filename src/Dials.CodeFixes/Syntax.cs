using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dials.CodeFixes
{
    /// <summary>Finding and building the bits of syntax the fixes share.</summary>
    internal static class Syntax
    {
        /// <summary>The attribute a diagnostic was reported on.</summary>
        public static AttributeSyntax? AttributeAt(SyntaxNode root, TextSpan span) =>
            root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();

        /// <summary>The property a diagnostic was reported in (on its attribute, initializer or name).</summary>
        public static PropertyDeclarationSyntax? PropertyAt(SyntaxNode root, TextSpan span) =>
            root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault();

        /// <summary><c>Name = value</c>, spaced as people write it, for appending after a comma.</summary>
        public static AttributeArgumentSyntax NamedArgument(string name, ExpressionSyntax value) =>
            SyntaxFactory.AttributeArgument(
                    SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name).WithTrailingTrivia(SyntaxFactory.Space),
                        SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space)),
                    null,
                    value)
                .WithLeadingTrivia(SyntaxFactory.Space);

        /// <summary>The property with <paramref name="value"/> as its initializer, adding one (and its semicolon) if it has none.</summary>
        public static PropertyDeclarationSyntax WithInitializer(PropertyDeclarationSyntax property, ExpressionSyntax value)
        {
            if (property.Initializer is { } initializer)
            {
                return property.WithInitializer(initializer.WithValue(value.WithTriviaFrom(initializer.Value)));
            }

            var accessors = property.AccessorList!;
            var clause = SyntaxFactory.EqualsValueClause(
                    SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space), value)
                .WithLeadingTrivia(SyntaxFactory.Space);
            return property
                .WithAccessorList(accessors.WithTrailingTrivia())
                .WithInitializer(clause)
                .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(accessors.GetTrailingTrivia()));
        }

        /// <summary>A numeric literal of the property's type: <c>16</c>, <c>0.5</c>, <c>1E-05</c>, <c>0.5f</c>.</summary>
        public static ExpressionSyntax Number(double value, ITypeSymbol type)
        {
            var text = type.SpecialType switch
            {
                SpecialType.System_Int32 or SpecialType.System_Int64 =>
                    ((long)System.Math.Round(value)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                SpecialType.System_Single => ((float)value).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f",
                _ => value.ToString("G15", System.Globalization.CultureInfo.InvariantCulture),
            };
            return SyntaxFactory.ParseExpression(text);
        }
    }
}
