using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Dials.Generators.Analyzers.Names;
using Dials.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Model
{
    /// <summary>Builds the <see cref="HyperparameterRecord"/> of a [Hyperparameters] type from its symbols.</summary>
    internal sealed class RecordReader
    {
        private readonly KnownSymbols symbols;
        private readonly CancellationToken cancellationToken;

        public RecordReader(KnownSymbols symbols, CancellationToken cancellationToken)
        {
            this.symbols = symbols;
            this.cancellationToken = cancellationToken;
        }

        /// <param name="type">The [Hyperparameters] type.</param>
        /// <param name="defaults">The constant initializers of its own properties, with where they are written.</param>
        public HyperparameterRecord Read(INamedTypeSymbol type, IReadOnlyDictionary<IPropertySymbol, (double Value, Location Location)> defaults)
        {
            var properties = new List<TunedProperty>();
            var nested = new List<Nested>();
            AddProperties(new Nested("", type, ImmutableStack.Create<ITypeSymbol>(type)), defaults, properties, nested, isOwn: true);

            // Nested types' initializers belong to another symbol's analysis: they are read from syntax (LiteralDefaults).
            var none = new Dictionary<IPropertySymbol, (double, Location)>(SymbolEqualityComparer.Default);
            for (var i = 0; i < nested.Count; i++)
            {
                var entry = nested[i];
                if (!entry.Enclosing.Contains(entry.Type, SymbolEqualityComparer.Default))
                {
                    AddProperties(entry with { Enclosing = entry.Enclosing.Push(entry.Type) }, none, properties, nested, isOwn: false);
                }
            }

            return new HyperparameterRecord(type.Name, properties);
        }

        private void AddProperties(Nested owner, IReadOnlyDictionary<IPropertySymbol, (double Value, Location Location)> defaults,
            List<TunedProperty> properties, List<Nested> nested, bool isOwn)
        {
            foreach (var property in owner.Type.GetMembers().OfType<IPropertySymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (property.IsStatic || property.IsIndexer || property.IsImplicitlyDeclared)
                {
                    continue;
                }

                var dimensionAttributes = property.GetAttributes().Where(symbols.IsDimensionAttribute).ToList();
                if (dimensionAttributes.Count > 1)
                {
                    continue; // DIALS013: the generator asks for one attribute first.
                }

                if (dimensionAttributes.Count == 0 && property.Type is INamedTypeSymbol named && symbols.IsHyperparametersType(named))
                {
                    nested.Add(new Nested(owner.Prefix + property.Name + ".", named, owner.Enclosing));
                    continue;
                }

                var kind = ValueKinds.Of(property.Type);
                var range = dimensionAttributes.Count == 1 ? RangeReader.Read(symbols, property, dimensionAttributes[0], cancellationToken) : null;
                var roles = RoleAliases.RolesOf(property.Name, ValueKinds.IsIntegral(kind), kind == ValueKind.Double || kind == ValueKind.Single);
                if (range is null && roles.Count == 0)
                {
                    continue;
                }

                (double Value, Location Location)? initializer = defaults.TryGetValue(property, out var bound) ? bound
                    : isOwn ? null
                    : LiteralDefaults.Of(property, cancellationToken);
                properties.Add(new TunedProperty(property, owner.Prefix + property.Name, roles, ValueKinds.IsIntegral(kind),
                    initializer?.Value, initializer?.Location,
                    dimensionAttributes.Count == 1, range, isOwn));
            }
        }

        /// <summary>A hyperparameters type met as a property, with its dotted prefix and the types enclosing it (to stop cycles).</summary>
        private sealed record Nested(string Prefix, INamedTypeSymbol Type, ImmutableStack<ITypeSymbol> Enclosing);
    }
}
