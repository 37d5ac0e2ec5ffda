using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dials.Generators.Parsing
{
    /// <summary>Classifies property types and turns constant values into normalised keys and C# literals.</summary>
    internal static class ValueKinds
    {
        public static ValueKind Of(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Enum)
            {
                return ValueKind.Enum;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Double: return ValueKind.Double;
                case SpecialType.System_Single: return ValueKind.Single;
                case SpecialType.System_Int32: return ValueKind.Int32;
                case SpecialType.System_Int64: return ValueKind.Int64;
                case SpecialType.System_String: return ValueKind.String;
                case SpecialType.System_Boolean: return ValueKind.Boolean;
                default: return ValueKind.Other;
            }
        }

        public static bool IsNumeric(ValueKind kind) =>
            kind == ValueKind.Double || kind == ValueKind.Single || kind == ValueKind.Int32 || kind == ValueKind.Int64;

        public static bool IsIntegral(ValueKind kind) => kind == ValueKind.Int32 || kind == ValueKind.Int64;

        /// <summary>
        /// The value as a number when it may stand for a value of <paramref name="kind"/>: integral constants for
        /// integral properties (within range), any number for floating ones. Null otherwise.
        /// </summary>
        public static double? AsNumber(object? value, ValueKind kind)
        {
            if (value is null || value is bool || value is string || value is char || !IsNumeric(kind))
            {
                return null;
            }

            var isIntegralValue = value is int || value is long || value is short || value is byte || value is sbyte
                || value is uint || value is ushort || value is ulong;
            if (!isIntegralValue && !(value is double || value is float || value is decimal))
            {
                return null;
            }

            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (IsIntegral(kind))
            {
                if (!isIntegralValue)
                {
                    return null;
                }

                var fits = kind == ValueKind.Int32 ? number >= int.MinValue && number <= int.MaxValue : true;
                return fits ? number : (double?)null;
            }

            return number;
        }

        /// <summary>How <see cref="Key"/> starts a number's key; the rest is the number as the property holds it ("R").</summary>
        public const string NumberKeyPrefix = "n:";

        /// <summary>A key equal for equal values of the property's type (enum values by their underlying number).</summary>
        public static string? Key(object? value, ValueKind kind, ITypeSymbol? valueType, ITypeSymbol propertyType)
        {
            switch (kind)
            {
                case ValueKind.String:
                    return value is string s ? "s:" + s : null;
                case ValueKind.Boolean:
                    return value is bool b ? (b ? "b:true" : "b:false") : null;
                case ValueKind.Enum:
                    var sameEnum = valueType is null || SymbolEqualityComparer.Default.Equals(valueType, propertyType);
                    return sameEnum && value is not null && !(value is string) && !(value is bool)
                        ? "e:" + Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
                        : null;
                default:
                    var number = AsNumber(value, kind);
                    if (number is null)
                    {
                        return null;
                    }

                    // A float property holds the float nearest the written value; compare at that precision.
                    var stored = kind == ValueKind.Single ? (double)(float)number.Value : number.Value;
                    return NumberKeyPrefix + stored.ToString("R", CultureInfo.InvariantCulture);
            }
        }

        /// <summary>The C# literal for a value already known (by <see cref="Key"/>) to fit the property.</summary>
        public static string Literal(object value, ValueKind kind, ITypeSymbol propertyType)
        {
            switch (kind)
            {
                case ValueKind.String:
                    return SymbolDisplay.FormatLiteral((string)value, quote: true);
                case ValueKind.Boolean:
                    return (bool)value ? "true" : "false";
                case ValueKind.Enum:
                    return EnumLiteral(value, (INamedTypeSymbol)propertyType);
                case ValueKind.Int32:
                    return Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                case ValueKind.Int64:
                    return Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "L";
                case ValueKind.Single:
                    return Convert.ToSingle(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "f";
                default:
                    return DoubleLiteral(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }
        }

        /// <summary>
        /// The JSON literal configuration spells a value already known (by <see cref="Key"/>) to fit the property with:
        /// strings quoted, enum values by member name (by number when no member has it), numbers round-tripping.
        /// </summary>
        public static string Json(object value, ValueKind kind, ITypeSymbol propertyType)
        {
            switch (kind)
            {
                case ValueKind.String:
                    return Emitting.JsonText.Quote((string)value);
                case ValueKind.Boolean:
                    return (bool)value ? "true" : "false";
                case ValueKind.Enum:
                    var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    foreach (var member in propertyType.GetMembers())
                    {
                        if (member is IFieldSymbol { HasConstantValue: true } field
                            && Convert.ToInt64(field.ConstantValue, CultureInfo.InvariantCulture) == number)
                        {
                            return Emitting.JsonText.Quote(field.Name);
                        }
                    }

                    return number.ToString(CultureInfo.InvariantCulture);
                case ValueKind.Int32:
                case ValueKind.Int64:
                    return Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                case ValueKind.Single:
                    return Emitting.JsonText.Number(Convert.ToSingle(value, CultureInfo.InvariantCulture));
                default:
                    return Emitting.JsonText.Number(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }
        }

        public static string DoubleLiteral(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

        public static string Display(object? value) => value switch
        {
            null => "null",
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        private static string EnumLiteral(object value, INamedTypeSymbol enumType)
        {
            var typeName = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field
                    && Convert.ToInt64(field.ConstantValue, CultureInfo.InvariantCulture) == number)
                {
                    return typeName + "." + Emitting.Identifiers.Escape(field.Name);
                }
            }

            return "(" + typeName + ")(" + number.ToString(CultureInfo.InvariantCulture) + ")";
        }
    }
}
