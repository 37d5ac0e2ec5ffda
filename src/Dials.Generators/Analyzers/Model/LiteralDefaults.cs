using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.Generators.Analyzers.Model
{
    /// <summary>
    /// The default of a property of a nested hyperparameters type, read from its initializer's syntax. Analysing one type
    /// binds only that type's initializers, so a nested type's are read as written: a numeric literal, possibly negated.
    /// Anything else (a constant's name, an expression) counts as unknown, which the rules treat as "do not report".
    /// </summary>
    internal static class LiteralDefaults
    {
        public static (double Value, Location Location)? Of(IPropertySymbol property, CancellationToken cancellationToken)
        {
            var declaration = property.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax(cancellationToken))
                .OfType<PropertyDeclarationSyntax>()
                .FirstOrDefault(syntax => syntax.Initializer is not null);
            if (declaration?.Initializer?.Value is not { } value)
            {
                return null;
            }

            var sign = 1.0;
            var expression = value;
            if (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negated)
            {
                sign = -1;
                expression = negated.Operand;
            }

            if (expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal
                && literal.Token.Value is IConvertible number)
            {
                return (sign * Rules.Numbers.AsWritten(number), value.GetLocation());
            }

            return null;
        }
    }
}
