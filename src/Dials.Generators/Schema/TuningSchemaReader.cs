using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Dials.Generators.Emitting;
using Dials.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Schema
{
    /// <summary>
    /// Reads the Tuning section's shape from the options records Dials.Options declares (<c>TuningOptions</c> and the
    /// records it holds, among them the core's <c>SamplerSettings</c> and <c>PrunerSettings</c>): setting names, value
    /// types, enum names, [DefaultValue]s and doc summaries; the sampler and pruner kinds from the constants of
    /// <c>SamplerKinds</c> and <c>PrunerKinds</c>, whose names the catalogs use; and the storage prefixes from
    /// <c>Dials.Storage.StorageKind</c>. Nothing is listed twice: a new sampler kind or setting is in the schema with
    /// the next build.
    /// </summary>
    internal static class TuningSchemaReader
    {
        private const string OptionsName = "Dials.Options.TuningOptions";
        private const string StorageKindName = "Dials.Storage.StorageKind";
        private const string DefaultValueName = "System.ComponentModel.DefaultValueAttribute";
        private const string CatalogsNamespace = "Dials.Catalogs";

        // The core's settings records whose summaries it carries (see CarriedDocumentation).
        private static readonly string[] CoreSettings = { CatalogsNamespace + ".SamplerSettings", CatalogsNamespace + ".PrunerSettings" };

        /// <summary>The model, or null when the compilation does not reference Dials.Options.</summary>
        public static TuningModel? Read(Compilation compilation, CancellationToken cancellationToken)
        {
            if (compilation.GetTypeByMetadataName(OptionsName) is not { } options)
            {
                return null;
            }

            var prefixes = compilation.GetTypeByMetadataName(StorageKindName) is { } kinds
                ? EnumNames(kinds).Select(n => n.ToLowerInvariant()).ToEquatableArray()
                : EquatableArray<string>.Empty;
            var root = new SettingModel(options.Name, Documentation.Summary(options, cancellationToken), SettingShape.Object, null,
                EquatableArray<string>.Empty, Settings(options, cancellationToken));
            return new TuningModel(root, prefixes);
        }

        /// <summary>
        /// When this compilation is Dials.Options itself: the summaries of the tuning options types and their settings,
        /// by documentation ID, for the assembly to carry (applications' command-line builds have no XML docs of their
        /// references, and the schema's descriptions come from these). Empty for any other compilation.
        /// </summary>
        public static EquatableArray<CarriedSummary> CarriedDocumentation(Compilation compilation, CancellationToken cancellationToken)
        {
            var own = new List<INamedTypeSymbol>();
            if (compilation.GetTypeByMetadataName(OptionsName) is { } options && IsOwn(options, compilation))
            {
                own.Add(options);
            }

            foreach (var name in CoreSettings)
            {
                if (compilation.GetTypeByMetadataName(name) is { } settings && IsOwn(settings, compilation))
                {
                    own.Add(settings);
                }
            }

            var summaries = new List<CarriedSummary>();
            foreach (var type in own)
            {
                Collect(type, compilation, summaries, cancellationToken);
            }

            return summaries.ToEquatableArray();
        }

        private static bool IsOwn(ISymbol symbol, Compilation compilation) =>
            SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly);

        private static void Collect(INamedTypeSymbol type, Compilation compilation, List<CarriedSummary> summaries, CancellationToken cancellationToken)
        {
            if (!IsOwn(type, compilation))
            {
                return; // Another assembly carries its own.
            }

            Add(type, compilation, summaries, cancellationToken);
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public))
            {
                Add(property, compilation, summaries, cancellationToken);
                var valueType = property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                    ? nullable.TypeArguments[0]
                    : property.Type;
                var shape = Shape(property, valueType);
                var element = shape is SettingShape.List or SettingShape.Map ? ((INamedTypeSymbol)valueType).TypeArguments.Last() : valueType;
                if (element is INamedTypeSymbol named && (shape == SettingShape.Object || ItemShape(named) == SettingShape.Object))
                {
                    Collect(named, compilation, summaries, cancellationToken);
                }
            }
        }

        private static void Add(ISymbol symbol, Compilation compilation, List<CarriedSummary> summaries, CancellationToken cancellationToken)
        {
            if (symbol.GetDocumentationCommentId() is { } id && Documentation.Summary(symbol, cancellationToken, compilation) is { } summary)
            {
                summaries.Add(new CarriedSummary(id, summary));
            }
        }

        private static EquatableArray<SettingModel> Settings(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var settings = new List<SettingModel>();
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                var valueType = property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                    ? nullable.TypeArguments[0]
                    : property.Type;
                var shape = Shape(property, valueType);
                if (shape is null)
                {
                    continue;
                }

                var kinds = KindNames(type, property);
                if (kinds is not null)
                {
                    shape = SettingShape.Enum;
                }

                settings.Add(new SettingModel(
                    property.Name,
                    Documentation.Summary(property, cancellationToken),
                    shape.Value,
                    DefaultJson(property),
                    kinds?.ToEquatableArray() ?? (shape == SettingShape.Enum ? EnumNames(valueType).ToEquatableArray() : EquatableArray<string>.Empty),
                    shape == SettingShape.Object ? Settings((INamedTypeSymbol)valueType, cancellationToken) : EquatableArray<SettingModel>.Empty,
                    shape is SettingShape.List or SettingShape.Map ? Item(((INamedTypeSymbol)valueType).TypeArguments.Last(), cancellationToken) : null));
            }

            return settings.ToEquatableArray();
        }

        /// <summary>The names a catalog's <c>Kind</c> setting takes: the string constants of the <c>XKinds</c> class beside
        /// an <c>XSettings</c> record in Dials.Catalogs (the catalog builds its kinds from those constants); null for any
        /// other setting.</summary>
        private static List<string>? KindNames(INamedTypeSymbol owner, IPropertySymbol property)
        {
            const string Suffix = "Settings";
            if (property.Name != "Kind" || owner.ContainingNamespace.ToDisplayString() != CatalogsNamespace || !owner.Name.EndsWith(Suffix, System.StringComparison.Ordinal))
            {
                return null;
            }

            var kindsName = owner.ContainingNamespace.ToDisplayString() + "." + owner.Name.Substring(0, owner.Name.Length - Suffix.Length) + "Kinds";
            var kinds = owner.ContainingAssembly.GetTypeByMetadataName(kindsName);
            return kinds?.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.IsConst && f.ConstantValue is string)
                .Select(f => (string)f.ConstantValue!)
                .ToList();
        }

        private static SettingShape? Shape(IPropertySymbol property, ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Enum)
            {
                return SettingShape.Enum;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean: return SettingShape.Boolean;
                case SpecialType.System_Int32:
                case SpecialType.System_Int64: return SettingShape.Integer;
                case SpecialType.System_Double: return SettingShape.Number;
                // The one string setting with a grammar of its own: the storage spec.
                case SpecialType.System_String: return property.Name == "Storage" ? SettingShape.StorageSpec : SettingShape.String;
            }

            if (type.ToDisplayString() == "System.TimeSpan")
            {
                return SettingShape.Duration;
            }

            if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.ConstructedFrom.Name == "IReadOnlyDictionary")
            {
                // SearchSpace is keyed by the tuned type's dimensions; other maps by names the user gives (objectives).
                return property.Name == "SearchSpace" ? SettingShape.SearchSpace
                    : ItemShape(generic.TypeArguments[1]) is not null ? SettingShape.Map : (SettingShape?)null;
            }

            if (type is INamedTypeSymbol { IsGenericType: true } list && list.ConstructedFrom.Name == "IReadOnlyList")
            {
                return ItemShape(list.TypeArguments[0]) is not null ? SettingShape.List : (SettingShape?)null;
            }

            return type is INamedTypeSymbol { TypeKind: TypeKind.Class } named
                && (named.ContainingNamespace.ToDisplayString() == "Dials.Options" || named.ContainingNamespace.ToDisplayString() == CatalogsNamespace)
                ? SettingShape.Object
                : (SettingShape?)null;
        }

        /// <summary>The shape of a list's or map's entries: a number, or an options record; null for anything else.</summary>
        private static SettingShape? ItemShape(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_Double ? SettingShape.Number
            : type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && named.ContainingNamespace.ToDisplayString() == "Dials.Options" ? SettingShape.Object
            : (SettingShape?)null;

        private static SettingModel Item(ITypeSymbol type, CancellationToken cancellationToken)
        {
            var shape = ItemShape(type)!.Value;
            return new SettingModel("", shape == SettingShape.Object ? Documentation.Summary(type, cancellationToken) : null, shape, null,
                EquatableArray<string>.Empty,
                shape == SettingShape.Object ? Settings((INamedTypeSymbol)type, cancellationToken) : EquatableArray<SettingModel>.Empty);
        }

        private static IEnumerable<string> EnumNames(ITypeSymbol type) =>
            type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name);

        private static string? DefaultJson(IPropertySymbol property)
        {
            var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == DefaultValueName);
            if (attribute is null || attribute.ConstructorArguments.Length != 1)
            {
                return null;
            }

            var argument = attribute.ConstructorArguments[0];
            return argument.Value switch
            {
                null => null,
                bool b => b ? "true" : "false",
                string s => JsonText.Quote(s),
                double d => JsonText.Number(d),
                float f => JsonText.Number(f),
                _ when argument.Type?.TypeKind == TypeKind.Enum => EnumName(argument),
                _ => System.Convert.ToInt64(argument.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            };
        }

        private static string? EnumName(TypedConstant argument)
        {
            var number = System.Convert.ToInt64(argument.Value, CultureInfo.InvariantCulture);
            var field = argument.Type!.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(f => f.HasConstantValue && System.Convert.ToInt64(f.ConstantValue, CultureInfo.InvariantCulture) == number);
            return field is null ? null : JsonText.Quote(field.Name);
        }
    }
}
