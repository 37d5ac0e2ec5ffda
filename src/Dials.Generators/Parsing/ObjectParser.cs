using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dials.Generators.Parsing
{
    /// <summary>
    /// Walks the properties of a hyperparameters type (and, flattened, of the hyperparameters types nested in it) into an
    /// <see cref="ObjectModel"/>: dimensions numbered in declaration order, conditions resolved, defaults checked.
    /// </summary>
    internal sealed class ObjectParser
    {
        private readonly Compilation compilation;
        private readonly KnownSymbols symbols;
        private readonly CancellationToken cancellationToken;
        private int nextIndex;

        public ObjectParser(Compilation compilation, KnownSymbols symbols, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.symbols = symbols;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>The model of <paramref name="type"/>, or null when its declarations are broken.</summary>
        /// <param name="type">The type whose properties to read.</param>
        /// <param name="prefix">Dotted path of the type within the root ("" for the root).</param>
        /// <param name="sink">Where problems go; muted below the root.</param>
        /// <param name="stack">The types being flattened, outermost first, to detect nesting cycles.</param>
        public ObjectModel? Parse(INamedTypeSymbol type, string prefix, DiagnosticSink sink, ImmutableStack<INamedTypeSymbol> stack)
        {
            var properties = new List<PropertyModel>();
            var conditions = new List<(PropertyModel Property, AttributeData When, Location? Location)>();
            var siblings = new Dictionary<string, (DimensionModel Dimension, ITypeSymbol Type)>();
            var dimensions = new DimensionParser(symbols, sink);
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (property.IsImplicitlyDeclared || property.IsIndexer)
                {
                    continue;
                }

                var attributes = property.GetAttributes();
                var dimensionAttributes = attributes.Where(symbols.IsDimensionAttribute).ToList();
                var isNested = dimensionAttributes.Count == 0 && property.Type is INamedTypeSymbol named && symbols.IsHyperparametersType(named);
                if (dimensionAttributes.Count == 0 && !isNested)
                {
                    continue; // Not tuned.
                }

                var location = property.Locations.FirstOrDefault();
                var path = prefix + property.Name;
                if (!CheckShape(property, dimensionAttributes, path, location, sink))
                {
                    continue;
                }

                PropertyModel? model;
                if (isNested)
                {
                    model = ParseNested(property, (INamedTypeSymbol)property.Type, path, location, sink, stack);
                }
                else
                {
                    var dimension = dimensions.Parse(property, dimensionAttributes[0], nextIndex, path);
                    if (dimension is not null)
                    {
                        nextIndex++;
                        if (!sink.Muted)
                        {
                            CheckDefault(property, dimension, sink);
                        }
                    }

                    model = dimension is null
                        ? null
                        : new PropertyModel(property.Name, dimension, null, Documentation.Summary(property, cancellationToken), DefaultJson(property, dimension));
                    if (dimension is not null)
                    {
                        siblings[property.Name] = (dimension, property.Type);
                    }
                }

                if (model is null)
                {
                    continue;
                }

                properties.Add(model);
                var when = attributes.FirstOrDefault(a => KnownSymbols.Is(a, symbols.When));
                if (when is not null)
                {
                    conditions.Add((model, when, when.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? location));
                }
            }

            var resolved = new ConditionResolver(type.Name, siblings, sink).Resolve(properties, conditions);
            return sink.HasErrors
                ? null
                : new ObjectModel(
                    type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    type.IsReferenceType,
                    type.IsRecord || type.IsValueType,
                    resolved.ToEquatableArray(),
                    Documentation.Summary(type, cancellationToken));
        }

        private bool CheckShape(IPropertySymbol property, List<AttributeData> dimensionAttributes, string path, Location? location, DiagnosticSink sink)
        {
            if (dimensionAttributes.Count > 1)
            {
                return sink.Report(DiagnosticDescriptors.MultipleDimensionAttributes, location, path,
                    ShortName(dimensionAttributes[0]), ShortName(dimensionAttributes[1]));
            }

            if (property.IsStatic)
            {
                return sink.Report(DiagnosticDescriptors.AttributeDoesNotFitType, location,
                    dimensionAttributes.Count > 0 ? ShortName(dimensionAttributes[0]) : "Hyperparameters",
                    property.Name, property.Type.ToDisplayString(), "a dimension must be an instance property");
            }

            return property.SetMethod is not null
                || sink.Report(DiagnosticDescriptors.PropertyNotSettable, location, path);
        }

        private PropertyModel? ParseNested(IPropertySymbol property, INamedTypeSymbol nestedType, string path, Location? location,
            DiagnosticSink sink, ImmutableStack<INamedTypeSymbol> stack)
        {
            if (stack.Any(t => SymbolEqualityComparer.Default.Equals(t, nestedType)))
            {
                var cycle = string.Join(" -> ", stack.Reverse().Select(t => t.Name).Concat(new[] { nestedType.Name }));
                if (SymbolEqualityComparer.Default.Equals(stack.Reverse().First(), nestedType))
                {
                    sink.RootCycle ??= cycle;
                }

                sink.Report(DiagnosticDescriptors.NestingCycle, location, path, cycle);
                return null;
            }

            // A nested type reports its own problems when it is generated; here they only stop the parent's generation,
            // except a cycle back to the type being generated, which is named at the property that enters it.
            var nestedSink = sink.Muted ? sink : new DiagnosticSink(muted: true);
            var nested = Parse(nestedType, path + ".", nestedSink, stack.Push(nestedType));
            if (nested is not null)
            {
                return new PropertyModel(property.Name, null, nested, Documentation.Summary(property, cancellationToken));
            }

            if (!sink.Muted && nestedSink.RootCycle is { } rootCycle)
            {
                sink.Report(DiagnosticDescriptors.NestingCycle, location, path, rootCycle);
            }

            sink.Fail();
            return null;
        }

        /// <summary>The default as configuration would spell it, for the schema; null when it is computed or outside
        /// the space (DIALS0xx reports that).</summary>
        private string? DefaultJson(IPropertySymbol property, DimensionModel dimension)
        {
            var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax;
            if (syntax is null)
            {
                return null;
            }

            object? value;
            ITypeSymbol? valueType;
            if (syntax.Initializer is null)
            {
                value = DefaultOf(property.Type);
                valueType = property.Type;
            }
            else
            {
                var model = compilation.GetSemanticModel(syntax.SyntaxTree);
                var constant = model.GetConstantValue(syntax.Initializer.Value, cancellationToken);
                if (!constant.HasValue)
                {
                    return null;
                }

                value = constant.Value;
                valueType = model.GetTypeInfo(syntax.Initializer.Value, cancellationToken).Type;
            }

            if (value is null || SpaceRules.Violation(dimension, value, valueType, property.Type) is not null)
            {
                return null;
            }

            if (dimension.Shape == DimensionShape.Categorical)
            {
                var key = ValueKinds.Key(value, dimension.ValueKind, valueType, property.Type);
                var index = dimension.ChoiceKeys.ToList().IndexOf(key!);
                return index >= 0 ? dimension.ChoiceJson[index] : null;
            }

            return ValueKinds.AsNumber(value, dimension.ValueKind) is double number
                ? ValueKinds.Json(number, dimension.ValueKind, property.Type)
                : null;
        }

        private void CheckDefault(IPropertySymbol property, DimensionModel dimension, DiagnosticSink sink)
        {
            var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax;
            if (syntax is null)
            {
                return;
            }

            object? value;
            ITypeSymbol? valueType;
            string shown;
            if (syntax.Initializer is null)
            {
                value = DefaultOf(property.Type);
                valueType = property.Type;
                shown = ValueKinds.Display(value) + " (it has no initializer)";
            }
            else
            {
                var model = compilation.GetSemanticModel(syntax.SyntaxTree);
                var constant = model.GetConstantValue(syntax.Initializer.Value, cancellationToken);
                if (!constant.HasValue)
                {
                    return; // Computed defaults are checked at run time by Validate.
                }

                value = constant.Value;
                valueType = model.GetTypeInfo(syntax.Initializer.Value, cancellationToken).Type;
                shown = ValueKinds.Display(value);
            }

            var rule = SpaceRules.Violation(dimension, value, valueType, property.Type);
            if (rule is not null)
            {
                sink.Report(DiagnosticDescriptors.DefaultOutsideSpace,
                    syntax.Initializer?.Value.GetLocation() ?? property.Locations.FirstOrDefault(), dimension.Path, shown, rule);
            }
        }

        private static object? DefaultOf(ITypeSymbol type) => ValueKinds.Of(type) switch
        {
            ValueKind.Boolean => false,
            ValueKind.Double => 0d,
            ValueKind.Single => 0f,
            ValueKind.Int32 => 0,
            ValueKind.Int64 => 0L,
            ValueKind.Enum => 0,
            _ => null,
        };

        private static string ShortName(AttributeData attribute)
        {
            var name = attribute.AttributeClass?.Name ?? "?";
            return name.EndsWith("Attribute") ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }
    }
}
