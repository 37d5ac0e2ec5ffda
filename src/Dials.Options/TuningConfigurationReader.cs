using System.Globalization;
using Dials.Catalogs;
using Microsoft.Extensions.Configuration;

namespace Dials.Options;

/// <summary>
/// Reads the <c>Tuning</c> section into <see cref="TuningOptions"/> (no reflection) and checks everything that can be
/// checked before the study starts: kinds, numbers, the sampler's and pruner's own argument rules, the storage spec
/// and the search-space overrides against <typeparamref name="T"/>'s dimensions.
/// </summary>
internal static class TuningConfigurationReader<T>
{
    private static readonly string[] Settings =
        ["Enabled", "Study", "Direction", "Objectives", "Select", "Sampler", "Pruner", "StopWhen", "Trials", "Parallelism", "Timeout", "TrialTimeout", "Storage", "Output", "SearchSpace"];

    public static (TuningOptions Options, List<string> Errors) Read(SearchSpace<T> space, IConfiguration section, string typeName, ObjectiveShape shape)
    {
        var errors = new List<string>();
        var reader = new SectionReader(section, errors);
        reader.RejectUnknown("Tuning", Settings);
        var sampler = reader.Child("Sampler");
        sampler.RejectUnknown("Tuning:Sampler", "Kind", "Seed", "StartupTrials", "GridPoints", "Sigma0", "PopulationSize");
        var pruner = reader.Child("Pruner");
        pruner.RejectUnknown("Tuning:Pruner", "Kind", "StartupTrials", "WarmupSteps", "Percentile", "Patience", "MinResource", "MaxResource", "ReductionFactor");
        var stopWhen = reader.Child("StopWhen");
        stopWhen.RejectUnknown("Tuning:StopWhen", "Patience", "MinDelta", "Noise");
        var options = new TuningOptions
        {
            Enabled = reader.Bool("Enabled", false),
            Study = reader.Text("Study") is { Length: > 0 } study ? study : typeName,
            Direction = reader.Enum("Direction", Direction.Minimize),
            Objectives = ObjectivesReader.Objectives(reader),
            Select = ObjectivesReader.Select(reader),
            Sampler = new SamplerSettings
            {
                Kind = sampler.Kind("Kind", SamplerCatalog.All, SamplerCatalog.DefaultKind),
                Seed = sampler.OptionalInt("Seed"),
                StartupTrials = sampler.OptionalInt("StartupTrials", 0),
                GridPoints = sampler.OptionalInt("GridPoints", 1),
                Sigma0 = sampler.OptionalDouble("Sigma0"),
                PopulationSize = sampler.OptionalInt("PopulationSize", 2),
            },
            Pruner = new PrunerSettings
            {
                Kind = pruner.Kind("Kind", PrunerCatalog.All, PrunerCatalog.DefaultKind),
                StartupTrials = pruner.OptionalInt("StartupTrials", 0),
                WarmupSteps = pruner.OptionalLong("WarmupSteps", 0),
                Percentile = pruner.OptionalDouble("Percentile"),
                Patience = pruner.OptionalInt("Patience", 1),
                MinResource = pruner.OptionalLong("MinResource", 1),
                MaxResource = pruner.OptionalLong("MaxResource", 1),
                ReductionFactor = pruner.OptionalInt("ReductionFactor", 2),
            },
            StopWhen = new StopWhenSettings
            {
                Patience = stopWhen.OptionalInt("Patience", 1),
                MinDelta = stopWhen.Double("MinDelta", 0, 0),
                Noise = stopWhen.OptionalDouble("Noise"),
            },
            Trials = reader.Int("Trials", 50, 0),
            Parallelism = reader.Int("Parallelism", 1, 1),
            Timeout = reader.Duration("Timeout"),
            TrialTimeout = reader.Duration("TrialTimeout"),
            Storage = reader.Text("Storage") is { Length: > 0 } storage ? storage : null,
            Output = reader.Text("Output") is { Length: > 0 } output ? output : null,
            SearchSpace = SearchSpaceOverrides.Read(space, reader.Child("SearchSpace"), typeName),
        };

        if (options.StopWhen.Noise is { } noise && !(noise > 0))
        {
            stopWhen.Fail("Noise", stopWhen.Text("Noise"), "is not above 0: it is a standard deviation");
        }

        if (options.StopWhen is { Patience: not null, Noise: not null })
        {
            stopWhen.Fail("", null, "takes Patience (no improvement for so many trials) or Noise (improvement still possible below the noise), not both");
        }

        if (errors.Count == 0)
        {
            // The sampler's and pruner's constructors own their argument rules; their messages name the argument.
            Try(() => SamplerCatalog.Create(options.Sampler), sampler.Key("").TrimEnd(':'), errors);
            Try(() => PrunerCatalog.Create(options.Pruner), pruner.Key("").TrimEnd(':'), errors);
            if (options.Storage is { } spec && StorageSpec.Problem(spec) is { } problem)
            {
                errors.Add($"{reader.Key("Storage")}: {problem}");
            }
        }

        if (errors.Count == 0)
        {
            options = options with
            {
                Sampler = ObjectivesReader.Check(options, reader, shape),
                Direction = options.Objectives is [var first, ..] ? first.Direction : options.Direction,
            };
        }

        return (options, errors);
    }

    private static void Try(Action create, string key, List<string> errors)
    {
        try
        {
            create();
        }
        catch (ArgumentException exception)
        {
            errors.Add($"{key}: {exception.Message}");
        }
    }
}

/// <summary>Reads and checks <c>Tuning:SearchSpace</c> overrides, and applies them to a search space.</summary>
internal static class SearchSpaceOverrides
{
    private static readonly string[] Kinds = ["Low", "High", "Choices", "Fixed"];

    public static IReadOnlyDictionary<string, DimensionOverride> Read<T>(SearchSpace<T> space, SectionReader section, string typeName)
    {
        var overrides = new Dictionary<string, DimensionOverride>(StringComparer.Ordinal);
        var known = new List<string>();
        foreach (var dimension in space.Dimensions)
        {
            var key = dimension.Name.Replace('.', ':');
            var child = section.Child(key);
            known.Add(key);
            if (!Kinds.Any(k => child.Text(k) is not null || (k == "Choices" && child.Child(k).Text("0") is not null)))
            {
                continue;
            }

            var before = Count(section);
            var low = Bound(dimension, child, "Low");
            var high = Bound(dimension, child, "High");
            var choices = Choices(dimension, child);
            var pinned = child.Text("Fixed") is { } text ? Value(dimension, child, "Fixed", text) : null;
            if (Count(section) > before)
            {
                continue;
            }

            var wanted = new DimensionOverride(low, high, choices, pinned);
            try
            {
                Apply(space, dimension.Name, wanted);
                overrides[dimension.Name] = wanted;
            }
            catch (ArgumentException exception)
            {
                child.Fail("", null, exception.Message.TrimEnd('.'));
            }
        }

        RejectUnknown(section, known, typeName);
        return overrides;
    }

    /// <summary>The space with every override applied.</summary>
    public static SearchSpace<T> Apply<T>(SearchSpace<T> space, IReadOnlyDictionary<string, DimensionOverride> overrides)
    {
        foreach (var (name, wanted) in overrides)
        {
            space = Apply(space, name, wanted);
        }

        return space;
    }

    private static SearchSpace<T> Apply<T>(SearchSpace<T> space, string name, DimensionOverride o) =>
        space.Narrow(name, o.Low, o.High, o.Choices, o.Fixed);

    private static int Count(SectionReader section) => section.ErrorCount;

    private static double? Bound(Dimension dimension, SectionReader child, string key)
    {
        if (child.Text(key) is not { } text)
        {
            return null;
        }

        if (dimension.Kind == DimensionKind.Categorical)
        {
            child.Fail(key, null, $"does not apply: {dimension.Name} is categorical, narrow it with Choices");
            return null;
        }

        return Value(dimension, child, key, text) is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;
    }

    private static IReadOnlyList<object>? Choices(Dimension dimension, SectionReader child)
    {
        var list = child.Child("Choices");
        var items = new List<object>();
        for (var i = 0; list.Text(i.ToString(CultureInfo.InvariantCulture)) is { } text; i++)
        {
            if (dimension.Kind != DimensionKind.Categorical)
            {
                child.Fail("Choices", null, $"does not apply: {dimension.Name} is numeric, narrow it with Low and High");
                return null;
            }

            if (Value(dimension, list, i.ToString(CultureInfo.InvariantCulture), text) is { } choice)
            {
                items.Add(choice);
            }
        }

        return items.Count > 0 ? items : null;
    }

    /// <summary>A configuration text as a typed value the dimension allows, or null after reporting why not.</summary>
    private static object? Value(Dimension dimension, SectionReader reader, string key, string text)
    {
        var (value, rule) = ConfigurationReader.Parse(dimension, text);
        rule ??= dimension.Violation(value);
        if (rule is not null)
        {
            reader.Fail(key, text, rule);
            return null;
        }

        return dimension.ToValue(value);
    }

    private static void RejectUnknown(SectionReader section, List<string> known, string typeName)
    {
        foreach (var (key, value) in section.Leaves())
        {
            if (value is null)
            {
                continue;
            }

            var dimension = known.FirstOrDefault(k => key.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase));
            if (dimension is null)
            {
                section.Fail(key, null, $"is not a hyperparameter of {typeName}");
            }
            else if (!Kinds.Contains(key[(dimension.Length + 1)..].Split(':')[0], StringComparer.OrdinalIgnoreCase))
            {
                section.Fail(key, null, "is not an override; expected Low, High, Choices or Fixed");
            }
        }
    }
}
