using Dials.Generators.Parsing;

namespace Dials.Generators.Schema
{
    /// <summary>Which registration bound a configuration section.</summary>
    internal enum SectionRole
    {
        /// <summary><c>AddHyperparameters&lt;T&gt;(section)</c>: the section holds T's values.</summary>
        Hyperparameters,

        /// <summary><c>AddTuning&lt;T, TObjective&gt;(section)</c>: the section holds the tuning settings for T.</summary>
        Tuning,
    }

    /// <summary>One registration with a constant section path, as the configuration schema needs it.</summary>
    /// <param name="Section">The section's path, ':'-separated (<c>App:Training</c>).</param>
    /// <param name="TypeName">T, fully qualified (as <see cref="ObjectModel.TypeName"/> spells it).</param>
    /// <param name="Tuning">The shape of the tuning settings, read from the referenced Dials.Options (Tuning role only).</param>
    internal sealed record SectionBinding(SectionRole Role, string Section, string TypeName, TuningModel? Tuning);

    /// <summary>How a tuning setting's value is written in configuration.</summary>
    internal enum SettingShape
    {
        Boolean,
        String,
        Integer,
        Number,
        Enum,
        Duration,
        Object,
        StorageSpec,
        SearchSpace,
        /// <summary>A list (configuration keys 0, 1, ...), each entry shaped as <see cref="SettingModel.Item"/>.</summary>
        List,
        /// <summary>Keys chosen by the user (objective names), each value shaped as <see cref="SettingModel.Item"/>.</summary>
        Map,
    }

    /// <summary>One setting of the Tuning section (or of its Sampler and Pruner subsections), read from the options
    /// records of Dials.Options.</summary>
    /// <param name="EnumNames">The names an enum setting takes.</param>
    /// <param name="Children">The settings of an object setting.</param>
    /// <param name="DefaultJson">The value a missing setting takes, from its [DefaultValue], as a JSON literal.</param>
    /// <param name="Item">The shape of each entry of a list or map setting.</param>
    internal sealed record SettingModel(
        string Name,
        string? Description,
        SettingShape Shape,
        string? DefaultJson,
        EquatableArray<string> EnumNames,
        EquatableArray<SettingModel> Children,
        SettingModel? Item = null);

    /// <summary>The Tuning section's settings and the storage spec prefixes (the names of Dials.Storage.StorageKind).</summary>
    internal sealed record TuningModel(SettingModel Root, EquatableArray<string> StoragePrefixes);
}

namespace Dials.Generators.Schema
{
    /// <summary>A member's doc summary, keyed by its documentation ID, for Dials.Options to carry in its metadata.</summary>
    internal sealed record CarriedSummary(string Id, string Summary);
}
