using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Dials.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Model
{
    /// <summary>
    /// The analyzer's view of a dimension attribute, taken from the generator's own reading of it
    /// (<see cref="DimensionParser"/>), so the two never disagree on what a declaration means or which declarations are
    /// sound.
    /// </summary>
    internal static class RangeReader
    {
        /// <summary>The range, or null when the generator rejects the attribute (the declaration analyzer reports why).</summary>
        public static SearchRange? Read(KnownSymbols symbols, IPropertySymbol property, AttributeData attribute, CancellationToken cancellationToken)
        {
            // Muted: the declaration analyzer reports these declarations' problems; the analyzer only needs to know there are some.
            var dimension = new DimensionParser(symbols, new DiagnosticSink(muted: true)).Parse(property, attribute, 0, property.Name);
            if (dimension is null)
            {
                return null;
            }

            var location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;
            switch (dimension.Shape)
            {
                case DimensionShape.Float:
                    return Range(RangeShape.Float, dimension, location);
                case DimensionShape.Int:
                    return Range(RangeShape.Int, dimension, location);
                case DimensionShape.PowerOfTwo:
                    return Range(RangeShape.PowerOfTwo, dimension, location);
                default:
                    var numbers = NumericChoices(dimension);
                    return numbers.Count == 0
                        ? new SearchRange(RangeShape.Choice, double.NaN, double.NaN, false, 0, numbers, location)
                        : new SearchRange(RangeShape.Choice, numbers.Min(), numbers.Max(), false, 0, numbers, location);
            }
        }

        private static SearchRange Range(RangeShape shape, DimensionModel d, Location location) =>
            new SearchRange(shape, d.Low, d.High, d.Log, d.Step, Array.Empty<double>(), location);

        /// <summary>The numbers of a numeric [Choice], from the generator's choice keys (the value as the property holds it).</summary>
        private static IReadOnlyList<double> NumericChoices(DimensionModel dimension) =>
            dimension.ChoiceKeys
                .Where(key => key.StartsWith(ValueKinds.NumberKeyPrefix, StringComparison.Ordinal))
                .Select(key => double.Parse(key.Substring(ValueKinds.NumberKeyPrefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToList();
    }
}
