using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Parsing
{
    /// <summary>Reads one property's dimension attribute into a <see cref="DimensionModel"/>, reporting what does not fit.</summary>
    internal sealed class DimensionParser
    {
        private readonly KnownSymbols symbols;
        private readonly DiagnosticSink sink;

        public DimensionParser(KnownSymbols symbols, DiagnosticSink sink)
        {
            this.symbols = symbols;
            this.sink = sink;
        }

        /// <summary>The dimension of <paramref name="property"/>, or null when its attribute is broken (diagnostics reported).</summary>
        public DimensionModel? Parse(IPropertySymbol property, AttributeData attribute, int index, string path)
        {
            var kind = ValueKinds.Of(property.Type);
            var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? property.Locations.FirstOrDefault();
            if (attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
            {
                return null; // The compiler already reports the malformed attribute.
            }

            if (KnownSymbols.Is(attribute, symbols.FloatRange))
            {
                return ParseFloat(property, attribute, kind, location, index, path);
            }

            if (KnownSymbols.Is(attribute, symbols.IntRange))
            {
                return ParseInt(property, attribute, kind, location, index, path);
            }

            if (KnownSymbols.Is(attribute, symbols.PowerOfTwo))
            {
                return ParsePowerOfTwo(property, attribute, kind, location, index, path);
            }

            return ParseChoice(property, attribute, kind, location, index, path);
        }

        private DimensionModel? ParseFloat(IPropertySymbol property, AttributeData attribute, ValueKind kind, Location? location, int index, string path)
        {
            if (kind != ValueKind.Double && kind != ValueKind.Single)
            {
                return DoesNotFit(property, "FloatRange", "it needs a double or float property", location);
            }

            var low = (double)attribute.ConstructorArguments[0].Value!;
            var high = (double)attribute.ConstructorArguments[1].Value!;
            var log = Named(attribute, "Log", false);
            var step = Named(attribute, "Step", 0d);
            var ok = CheckBounds(path, low, high, location);
            if (log && low <= 0)
            {
                ok = sink.Report(DiagnosticDescriptors.LogNeedsPositiveLow, location, path, Text(low), "above 0");
            }

            if (double.IsNaN(step) || step < 0)
            {
                ok = sink.Report(DiagnosticDescriptors.InvalidStep, location, path, Text(step), "is not positive, so cannot divide", Text(low), Text(high));
            }
            else if (step > 0 && log)
            {
                ok = sink.Report(DiagnosticDescriptors.StepWithLog, location, path, Text(step));
            }
            else if (step > 0 && ok && !SpaceRules.IsMultiple(high - low, step))
            {
                ok = sink.Report(DiagnosticDescriptors.InvalidStep, location, path, Text(step), "does not divide", Text(low), Text(high));
            }
            else if (step > 0 && ok && DimensionLimits.HasTooManyValues(low, high, step))
            {
                ok = TooManyValues(path, low, high, step, location);
            }

            if (kind == ValueKind.Single && (Math.Abs(low) > float.MaxValue || Math.Abs(high) > float.MaxValue))
            {
                ok = DoesNotFit(property, "FloatRange", "its bounds do not fit a float", location) is not null;
            }

            return ok ? Numeric(index, path, DimensionShape.Float, kind, low, high, log, step) : null;
        }

        private DimensionModel? ParseInt(IPropertySymbol property, AttributeData attribute, ValueKind kind, Location? location, int index, string path)
        {
            if (IntegerBounds(property, attribute, "IntRange", kind, location, path) is not var (low, high, ok))
            {
                return null;
            }

            var step = Named(attribute, "Step", 1L);
            var log = Named(attribute, "Log", false);
            if (step <= 0)
            {
                ok = sink.Report(DiagnosticDescriptors.InvalidStep, location, path, Text(step), "is not positive, so cannot divide", Text(low), Text(high));
            }
            else if (log && step != 1)
            {
                ok = sink.Report(DiagnosticDescriptors.StepWithLog, location, path, Text(step));
            }
            else if (ok && DimensionLimits.HasTooManyValues(low, high, step))
            {
                // Counted before the step is checked, since high - low may not fit a long (long.MinValue to long.MaxValue).
                ok = TooManyValues(path, low, high, step, location);
            }
            else if (ok && ((decimal)high - low) % step != 0)
            {
                ok = sink.Report(DiagnosticDescriptors.InvalidStep, location, path, Text(step), "does not divide", Text(low), Text(high));
            }

            if (log && low < 1)
            {
                ok = sink.Report(DiagnosticDescriptors.LogNeedsPositiveLow, location, path, Text(low), "at least 1");
            }

            return ok ? Numeric(index, path, DimensionShape.Int, kind, low, high, log, step) : null;
        }

        private DimensionModel? ParsePowerOfTwo(IPropertySymbol property, AttributeData attribute, ValueKind kind, Location? location, int index, string path)
        {
            if (IntegerBounds(property, attribute, "PowerOfTwo", kind, location, path) is not var (low, high, ok))
            {
                return null;
            }

            foreach (var bound in new[] { low, high }.Distinct())
            {
                if (!SpaceRules.IsPowerOfTwo(bound))
                {
                    ok = sink.Report(DiagnosticDescriptors.NotPowerOfTwoBounds, location, path, Text(bound));
                }
            }

            return ok ? Numeric(index, path, DimensionShape.PowerOfTwo, kind, low, high, log: true, step: 0) : null;
        }

        private DimensionModel? ParseChoice(IPropertySymbol property, AttributeData attribute, ValueKind kind, Location? location, int index, string path)
        {
            if (kind == ValueKind.Other)
            {
                return DoesNotFit(property, "Choice", "choices must be strings, numbers, bools or enum values", location);
            }

            var written = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values.Select(v => (v.Value, v.Type)).ToList()
                : attribute.ConstructorArguments.Select(v => (v.Value, v.Type)).ToList();
            if (written.Count == 0)
            {
                written = EveryValue(property.Type, kind);
                if (written.Count == 0)
                {
                    sink.Report(DiagnosticDescriptors.EmptyChoices, location, path);
                    return null;
                }
            }

            var ok = true;
            var keys = new List<string>();
            var literals = new List<string>();
            var json = new List<string>();
            foreach (var (value, type) in written)
            {
                var key = ValueKinds.Key(value, kind, type, property.Type);
                if (key is null)
                {
                    ok = sink.Report(DiagnosticDescriptors.MistypedChoice, location, path,
                        property.Type.ToDisplayString(), ValueKinds.Display(value));
                }
                else if (ValueKinds.AsNumber(value, kind) is double number
                    && !DimensionLimits.IsFiniteChoice(kind == ValueKind.Single ? (object)(float)number : number))
                {
                    ok = sink.Report(DiagnosticDescriptors.NonFiniteChoice, location, path, ValueKinds.Display(value));
                }
                else if (keys.Contains(key))
                {
                    ok = sink.Report(DiagnosticDescriptors.DuplicateChoice, location, path, ValueKinds.Display(value));
                }
                else
                {
                    keys.Add(key);
                    literals.Add(ValueKinds.Literal(value!, kind, property.Type));
                    json.Add(ValueKinds.Json(value!, kind, property.Type));
                }
            }

            return ok
                ? new DimensionModel(index, path, DimensionShape.Categorical, kind, 0, keys.Count - 1, false, 0,
                    literals.ToEquatableArray(), keys.ToEquatableArray(), null, json.ToEquatableArray())
                : null;
        }

        /// <summary>Every value of a bool or enum type (enum aliases once), for a [Choice] written with no values.</summary>
        private static List<(object? Value, ITypeSymbol? Type)> EveryValue(ITypeSymbol type, ValueKind kind)
        {
            if (kind == ValueKind.Boolean)
            {
                return new List<(object?, ITypeSymbol?)> { (false, type), (true, type) };
            }

            if (kind != ValueKind.Enum)
            {
                return new List<(object?, ITypeSymbol?)>();
            }

            return type.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue)
                .GroupBy(f => Convert.ToInt64(f.ConstantValue, CultureInfo.InvariantCulture))
                .Select(g => ((object?)g.First().ConstantValue, (ITypeSymbol?)type))
                .ToList();
        }

        /// <summary>The bounds of an integer attribute and whether they are sound, or null when the property is not an integer.</summary>
        private (long Low, long High, bool Ok)? IntegerBounds(IPropertySymbol property, AttributeData attribute, string name, ValueKind kind,
            Location? location, string path)
        {
            if (!ValueKinds.IsIntegral(kind))
            {
                DoesNotFit(property, name, "it needs an int or long property", location);
                return null;
            }

            var low = (long)attribute.ConstructorArguments[0].Value!;
            var high = (long)attribute.ConstructorArguments[1].Value!;
            return (low, high, CheckBounds(path, low, high, location) & FitsInt(property, name, kind, low, high, location));
        }

        private bool CheckBounds(string path, double low, double high, Location? location) =>
            (!double.IsNaN(low) && !double.IsInfinity(low) && !double.IsNaN(high) && !double.IsInfinity(high) && low < high)
            || sink.Report(DiagnosticDescriptors.EmptyRange, location, path, Text(low), Text(high));

        private bool TooManyValues(string path, double low, double high, double step, Location? location) =>
            sink.Report(DiagnosticDescriptors.TooManyValues, location, path, Text(DimensionLimits.ValueCount(low, high, step)),
                Text(low), Text(high), Text(step), DimensionLimits.MaxValueCount.ToString(CultureInfo.InvariantCulture));

        private bool FitsInt(IPropertySymbol property, string attribute, ValueKind kind, long low, long high, Location? location) =>
            kind != ValueKind.Int32 || (low >= int.MinValue && high <= int.MaxValue)
            || DoesNotFit(property, attribute, "its bounds do not fit an int", location) is not null;

        private DimensionModel? DoesNotFit(IPropertySymbol property, string attribute, string reason, Location? location)
        {
            sink.Report(DiagnosticDescriptors.AttributeDoesNotFitType, location, attribute, property.Name, property.Type.ToDisplayString(), reason);
            return null;
        }

        private static DimensionModel Numeric(int index, string path, DimensionShape shape, ValueKind kind, double low, double high, bool log, double step) =>
            new DimensionModel(index, path, shape, kind, low, high, log, step, EquatableArray<string>.Empty, EquatableArray<string>.Empty, null, EquatableArray<string>.Empty);

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

        private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
