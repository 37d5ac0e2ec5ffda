using System;
using System.Composition;
using System.Linq;
using System.Threading;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.CodeFixes
{
    /// <summary>
    /// DIALS016: replaces a default that is not in its own search space by the nearest value that is: clamped into the
    /// range and snapped to its grid, the nearest power of two, or the first choice.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveDefaultIntoRangeCodeFix)), Shared]
    public sealed class MoveDefaultIntoRangeCodeFix : SingleEditCodeFix
    {
        private static readonly string[] DimensionAttributes = { "FloatRangeAttribute", "IntRangeAttribute", "PowerOfTwoAttribute", "ChoiceAttribute" };

        /// <summary>Answers DIALS016.</summary>
        public MoveDefaultIntoRangeCodeFix()
            : base(DiagnosticIds.DefaultOutsideSpace)
        {
        }

        /// <inheritdoc />
        protected internal override (string Title, SyntaxNode NewRoot)? Fix(FixTarget target)
        {
            if (Syntax.PropertyAt(target.Root, target.Span) is not { } property
                || target.Model.GetDeclaredSymbol(property, target.CancellationToken) is not IPropertySymbol symbol
                || NearestAllowed(property, symbol, target.Model, target.CancellationToken) is not { } value)
            {
                return null;
            }

            return ($"Move the default into its range ({value})", target.Root.ReplaceNode(property, Syntax.WithInitializer(property, value)));
        }

        private static ExpressionSyntax? NearestAllowed(PropertyDeclarationSyntax property, IPropertySymbol symbol, SemanticModel model,
            CancellationToken cancellationToken)
        {
            var attribute = symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ContainingNamespace?.Name == "Dials"
                && DimensionAttributes.Contains(a.AttributeClass.Name));
            if (attribute is null || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
            {
                return null;
            }

            if (attribute.AttributeClass!.Name == "ChoiceAttribute")
            {
                // The first choice as written, so enum members and strings keep their spelling.
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
                return syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression.WithoutTrivia();
            }

            var current = property.Initializer is { } initializer
                ? model.GetConstantValue(initializer.Value, cancellationToken) is { HasValue: true, Value: IConvertible number }
                    ? number.ToDouble(System.Globalization.CultureInfo.InvariantCulture)
                    : (double?)null
                : 0;
            if (current is null)
            {
                return null; // A computed default is for Validate to judge at run time.
            }

            var low = Convert.ToDouble(attribute.ConstructorArguments[0].Value, System.Globalization.CultureInfo.InvariantCulture);
            var high = Convert.ToDouble(attribute.ConstructorArguments[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var nearest = attribute.AttributeClass.Name switch
            {
                "PowerOfTwoAttribute" => NearestPowerOfTwo(current.Value, low, high),
                "IntRangeAttribute" => OnGrid(current.Value, low, high, Named(attribute, "Step", 1d)),
                _ => OnGrid(current.Value, low, high, Named(attribute, "Step", 0d)),
            };
            return Syntax.Number(nearest, symbol.Type);
        }

        private static double OnGrid(double value, double low, double high, double step)
        {
            var clamped = double.IsNaN(value) ? low : Math.Min(Math.Max(value, low), high);
            return step > 0 ? Math.Min(low + Math.Round((clamped - low) / step) * step, high) : clamped;
        }

        private static double NearestPowerOfTwo(double value, double low, double high)
        {
            var clamped = double.IsNaN(value) ? low : Math.Min(Math.Max(value, low), high);
            var power = Math.Pow(2, Math.Round(Math.Log(clamped, 2)));
            return Math.Min(Math.Max(power, low), high);
        }

        private static double Named(AttributeData attribute, string name, double fallback)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is IConvertible value)
                {
                    return value.ToDouble(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return fallback;
        }
    }
}
