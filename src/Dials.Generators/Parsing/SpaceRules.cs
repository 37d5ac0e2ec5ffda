using System;
using System.Globalization;
using System.Linq;

namespace Dials.Generators.Parsing
{
    /// <summary>
    /// The rules a value must follow to lie in a dimension, as the runtime Dimension applies them (the generator targets
    /// netstandard2.0 and cannot call it), used to check defaults and [When] values at compile time.
    /// </summary>
    internal static class SpaceRules
    {
        public static bool IsPowerOfTwo(long value) => value > 0 && (value & (value - 1)) == 0;

        public static bool IsMultiple(double span, double step)
        {
            var ratio = span / step;
            return Math.Abs(ratio - Math.Round(ratio)) <= 1e-9 * Math.Max(1, Math.Abs(ratio));
        }

        /// <summary>Why <paramref name="value"/> (a constant of the property's type) is not in the dimension, or null.</summary>
        public static string? Violation(DimensionModel dimension, object? value, Microsoft.CodeAnalysis.ITypeSymbol? valueType,
            Microsoft.CodeAnalysis.ITypeSymbol propertyType)
        {
            if (dimension.Shape == DimensionShape.Categorical)
            {
                var key = ValueKinds.Key(value, dimension.ValueKind, valueType, propertyType);
                return key is not null && dimension.ChoiceKeys.Contains(key)
                    ? null
                    : "is not one of the choices";
            }

            var number = ValueKinds.AsNumber(value, dimension.ValueKind);
            if (number is null)
            {
                return null; // Not a number the property can hold: the compiler reports that itself.
            }

            return NumericViolation(dimension, dimension.ValueKind == ValueKind.Single ? (float)number.Value : number.Value);
        }

        public static string? NumericViolation(DimensionModel dimension, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return "is not a finite number";
            }

            if ((value < dimension.Low && !Near(value, dimension.Low)) || (value > dimension.High && !Near(value, dimension.High)))
            {
                return "is outside [" + Text(dimension.Low) + ", " + Text(dimension.High) + "]";
            }

            if (dimension.Shape == DimensionShape.PowerOfTwo)
            {
                return value == Math.Floor(value) && IsPowerOfTwo((long)value) ? null : "is not a power of two";
            }

            if (dimension.Shape == DimensionShape.Int && value != Math.Floor(value))
            {
                return "is not a whole number";
            }

            if (dimension.Step > 0)
            {
                var level = Math.Round((value - dimension.Low) / dimension.Step);
                if (!Near(value, dimension.Low + level * dimension.Step))
                {
                    return "is off the step grid " + Text(dimension.Low) + " + k * " + Text(dimension.Step);
                }
            }

            return null;
        }

        // Single precision: a float property holds 0.3 as 0.30000001, which must still count as 0.3.
        private static bool Near(double value, double target) =>
            Math.Abs(value - target) <= 1.2e-7 * Math.Max(Math.Abs(value), Math.Abs(target));

        private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
