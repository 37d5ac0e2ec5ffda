using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dials.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Model
{
    /// <summary>Reads a dimension attribute's arguments (as the compiler bound them) into a <see cref="SearchRange"/>.</summary>
    internal static class RangeReader
    {
        /// <summary>The range, or null when the attribute is malformed or does not fit the property (the generator says why).</summary>
        public static SearchRange? Read(KnownSymbols symbols, AttributeData attribute, ITypeSymbol propertyType, CancellationToken cancellationToken)
        {
            if (attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
            {
                return null;
            }

            var location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;
            var kind = ValueKinds.Of(propertyType);
            if (KnownSymbols.Is(attribute, symbols.FloatRange))
            {
                return kind == ValueKind.Double || kind == ValueKind.Single ? ReadFloat(attribute, location) : null;
            }

            if (!KnownSymbols.Is(attribute, symbols.Choice))
            {
                return ValueKinds.IsIntegral(kind) ? ReadInteger(symbols, attribute, location) : null;
            }

            return new SearchRange(RangeShape.Choice, double.NaN, double.NaN, false, 0, NumericChoices(attribute, kind), location)
                .WithChoiceBounds();
        }

        private static SearchRange? ReadFloat(AttributeData attribute, Location location)
        {
            var low = (double)attribute.ConstructorArguments[0].Value!;
            var high = (double)attribute.ConstructorArguments[1].Value!;
            var log = Named(attribute, "Log", false);
            var step = Named(attribute, "Step", 0d);
            var wellFormed = IsFinite(low) && IsFinite(high) && low < high && !(log && low <= 0) && step >= 0 && !(log && step > 0);
            return wellFormed ? new SearchRange(RangeShape.Float, low, high, log, step, Array.Empty<double>(), location) : null;
        }

        private static SearchRange? ReadInteger(KnownSymbols symbols, AttributeData attribute, Location location)
        {
            var low = (long)attribute.ConstructorArguments[0].Value!;
            var high = (long)attribute.ConstructorArguments[1].Value!;
            if (low >= high)
            {
                return null;
            }

            if (KnownSymbols.Is(attribute, symbols.PowerOfTwo))
            {
                return SpaceRules.IsPowerOfTwo(low) && SpaceRules.IsPowerOfTwo(high)
                    ? new SearchRange(RangeShape.PowerOfTwo, low, high, true, 0, Array.Empty<double>(), location)
                    : null;
            }

            var step = Named(attribute, "Step", 0L);
            var log = Named(attribute, "Log", false);
            var effectiveStep = step == 0 ? 1 : step;
            var wellFormed = effectiveStep > 0 && (high - low) % effectiveStep == 0 && !(log && (low < 1 || effectiveStep != 1));
            return wellFormed ? new SearchRange(RangeShape.Int, low, high, log, step, Array.Empty<double>(), location) : null;
        }

        private static IReadOnlyList<double> NumericChoices(AttributeData attribute, ValueKind kind)
        {
            var written = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values
                : attribute.ConstructorArguments;
            var numbers = new List<double>();
            foreach (var value in written)
            {
                if (ValueKinds.AsNumber(value.Value, kind) is { } number)
                {
                    numbers.Add(number);
                }
            }

            return numbers;
        }

        private static SearchRange WithChoiceBounds(this SearchRange range) => range.Choices.Count == 0
            ? range
            : new SearchRange(RangeShape.Choice, range.Choices.Min(), range.Choices.Max(), false, 0, range.Choices, range.Location);

        private static T Named<T>(AttributeData attribute, string name, T fallback)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is T value)
                {
                    return value;
                }
            }

            return fallback;
        }

        private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
