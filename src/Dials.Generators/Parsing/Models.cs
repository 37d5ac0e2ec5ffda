using Microsoft.CodeAnalysis;

namespace Dials.Generators.Parsing
{
    /// <summary>How a property's value is stored, which decides how a sampled value is converted back.</summary>
    internal enum ValueKind
    {
        Other,
        Double,
        Single,
        Int32,
        Int64,
        String,
        Boolean,
        Enum,
    }

    /// <summary>Mirrors Dials.DimensionKind in the runtime library, which the generator cannot reference.</summary>
    internal enum DimensionShape
    {
        Float,
        Int,
        PowerOfTwo,
        Categorical,
    }

    /// <summary>What the parser learned about one [Hyperparameters] type: everything the emitter needs, no symbols.</summary>
    /// <param name="Namespace">As C# spells it (keywords escaped with '@').</param>
    internal sealed record TypeModel(
        string? Namespace,
        EquatableArray<ContainerModel> Containers,
        string Keyword,
        string Name,
        ObjectModel Root)
    {
        /// <summary>Every dimension, flattened in declaration order (nested types' dimensions in place).</summary>
        public EquatableArray<DimensionModel> Dimensions => Root.Flatten().ToEquatableArray();

        /// <summary>The generated file's name; '@' (a namespace part named with a keyword) is not allowed in it.</summary>
        public string HintName => ((Namespace is null ? "" : Namespace + ".")
            + string.Concat(System.Linq.Enumerable.Select(Containers, c => c.Name + ".")) + Name + ".Dials.g.cs").Replace("@", "");
    }

    /// <summary>A type enclosing the hyperparameters type, re-declared as partial around the generated code.</summary>
    internal sealed record ContainerModel(string Keyword, string Name);

    /// <summary>An object whose properties hold dimensions: the hyperparameters type itself or a nested one.</summary>
    /// <param name="TypeName">Fully qualified type name.</param>
    /// <param name="IsReferenceType">Whether a nested value may be null (then a fresh default is used).</param>
    /// <param name="UsesWith">Records and structs decode with <c>with</c>, keeping untuned values; classes with <c>new</c>.</param>
    /// <param name="Description">The type's XML doc summary as plain text, for the configuration schema.</param>
    internal sealed record ObjectModel(string TypeName, bool IsReferenceType, bool UsesWith, EquatableArray<PropertyModel> Properties, string? Description = null)
    {
        public System.Collections.Generic.IEnumerable<DimensionModel> Flatten()
        {
            foreach (var property in Properties)
            {
                if (property.Dimension is not null)
                {
                    yield return property.Dimension;
                }
                else if (property.Nested is not null)
                {
                    foreach (var inner in property.Nested.Flatten())
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary>A tuned property: either one dimension or a nested hyperparameters object.</summary>
    /// <param name="Description">The property's XML doc summary as plain text, for the configuration schema; null without one.</param>
    /// <param name="DefaultJson">The initializer as a JSON literal, for the configuration schema; null when it is not a constant.</param>
    internal sealed record PropertyModel(string Name, DimensionModel? Dimension, ObjectModel? Nested, string? Description = null, string? DefaultJson = null);

    /// <summary>One dimension, with everything the runtime Dimension factory needs and how to convert its value.</summary>
    /// <param name="Index">Position in the flattened dimension list.</param>
    /// <param name="Path">Dotted name.</param>
    /// <param name="ChoiceLiterals">C# literals of the choices, typed as the property.</param>
    /// <param name="ChoiceKeys">Normalised choice values, to match defaults and [When] values against.</param>
    /// <param name="ChoiceJson">JSON literals of the choices as configuration spells them (enum values by name).</param>
    internal sealed record DimensionModel(
        int Index,
        string Path,
        DimensionShape Shape,
        ValueKind ValueKind,
        double Low,
        double High,
        bool Log,
        double Step,
        EquatableArray<string> ChoiceLiterals,
        EquatableArray<string> ChoiceKeys,
        ConditionModel? Condition,
        EquatableArray<string> ChoiceJson = default);

    /// <summary>The dimension is active while <paramref name="ParentPath"/> takes one of <paramref name="Values"/> (internal values).</summary>
    internal sealed record ConditionModel(string ParentPath, EquatableArray<double> Values);
}
