using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Parsing
{
    /// <summary>
    /// Turns the [When] attributes of one object's properties into conditions on dimensions: checks that each names a
    /// sibling dimension, that each value is one it can take, and that conditions do not form cycles.
    /// </summary>
    internal sealed class ConditionResolver
    {
        private readonly string typeName;
        private readonly DiagnosticSink sink;
        private readonly Dictionary<string, (DimensionModel Dimension, ITypeSymbol Type)> parents;

        public ConditionResolver(string typeName, IReadOnlyDictionary<string, (DimensionModel Dimension, ITypeSymbol Type)> parents, DiagnosticSink sink)
        {
            this.typeName = typeName;
            this.sink = sink;
            this.parents = parents.ToDictionary(p => p.Key, p => p.Value);
        }

        /// <summary>The properties with their conditions applied (nested objects pass theirs to every unconditional dimension).</summary>
        public List<PropertyModel> Resolve(List<PropertyModel> properties, List<(PropertyModel Property, AttributeData When, Location? Location)> whens)
        {
            var resolved = new Dictionary<PropertyModel, (string Parent, ConditionModel Condition, Location? Location)>();
            foreach (var (property, when, location) in whens)
            {
                var path = property.Dimension?.Path ?? property.Name;
                if (when.ConstructorArguments.Length < 2 || !(when.ConstructorArguments[0].Value is string parentName))
                {
                    continue; // Malformed attribute: the compiler reports it.
                }

                if (!parents.TryGetValue(parentName, out var parent))
                {
                    sink.Report(DiagnosticDescriptors.WhenUnknownProperty, location, path, parentName, typeName);
                    continue;
                }

                var values = ParentValues(path, parentName, parent.Dimension, parent.Type, when.ConstructorArguments[1], location);
                if (values is not null)
                {
                    resolved[property] = (parentName, new ConditionModel(parent.Dimension.Path, values.ToEquatableArray()), location);
                }
            }

            ReportCycles(resolved);
            return properties.Select(p => resolved.TryGetValue(p, out var c) ? Apply(p, c.Condition) : p).ToList();
        }

        private List<double>? ParentValues(string path, string parentName, DimensionModel parent, ITypeSymbol parentType,
            TypedConstant written, Location? location)
        {
            IEnumerable<TypedConstant> values = written.Kind == TypedConstantKind.Array ? written.Values : ImmutableArray.Create(written);
            var result = new List<double>();
            foreach (var value in values)
            {
                var internalValue = InternalValue(parent, parentType, value);
                if (internalValue is null)
                {
                    sink.Report(DiagnosticDescriptors.WhenImpossibleValue, location, path, parentName, ValueKinds.Display(value.Value));
                    return null;
                }

                result.Add(internalValue.Value);
            }

            if (result.Count == 0)
            {
                sink.Report(DiagnosticDescriptors.WhenImpossibleValue, location, path, parentName, "(no value listed)");
                return null;
            }

            return result;
        }

        /// <summary>The parent's internal value for a written value (the choice index, or the number), or null when impossible.</summary>
        private static double? InternalValue(DimensionModel parent, ITypeSymbol parentType, TypedConstant value)
        {
            if (parent.Shape == DimensionShape.Categorical)
            {
                var key = ValueKinds.Key(value.Value, parent.ValueKind, value.Type, parentType);
                var index = key is null ? -1 : parent.ChoiceKeys.ToList().IndexOf(key);
                return index < 0 ? (double?)null : index;
            }

            var number = ValueKinds.AsNumber(value.Value, parent.ValueKind);
            return number is not null && SpaceRules.NumericViolation(parent, number.Value) is null ? number : null;
        }

        private void ReportCycles(Dictionary<PropertyModel, (string Parent, ConditionModel Condition, Location? Location)> resolved)
        {
            var parentOf = resolved.ToDictionary(r => r.Key.Name, r => r.Value.Parent);
            foreach (var entry in resolved)
            {
                var chain = new List<string> { entry.Key.Name };
                for (var current = entry.Key.Name; parentOf.TryGetValue(current, out var next);)
                {
                    chain.Add(next);
                    if (next == entry.Key.Name)
                    {
                        sink.Report(DiagnosticDescriptors.ConditionCycle, entry.Value.Location, entry.Key.Name, string.Join(" -> ", chain));
                        break;
                    }

                    if (chain.Count > parentOf.Count + 1)
                    {
                        break; // A cycle further up, reported from its own members.
                    }

                    current = next;
                }
            }
        }

        private static PropertyModel Apply(PropertyModel property, ConditionModel condition) =>
            property.Dimension is not null
                ? property with { Dimension = property.Dimension with { Condition = condition } }
                : property with { Nested = Apply(property.Nested!, condition) };

        private static ObjectModel Apply(ObjectModel nested, ConditionModel condition) =>
            nested with
            {
                Properties = nested.Properties.Select(p =>
                    p.Dimension is { Condition: null } ? Apply(p, condition)
                    : p.Nested is not null ? Apply(p, condition)
                    : p).ToEquatableArray(),
            };
    }
}
