using Dials.Catalogs;
using Dials.MultiObjective;
using Dials.Pruners;
using Dials.Samplers;

namespace Dials.Options;

/// <summary>
/// Reads <c>Tuning:Objectives</c> and <c>Tuning:Select</c> and checks what spans keys: names that differ, a selection
/// that names known objectives of a study of several, an objective type that returns as many values as are listed,
/// and a sampler and pruner a study of several objectives accepts (the study would refuse the others; here the
/// message names the configuration key instead of a type).
/// </summary>
internal static class ObjectivesReader
{
    /// <summary>The sampler kinds tried, in order, when a study of several objectives names none: the catalog's default
    /// when it can sample several objectives, else TPE when it can, else random search.</summary>
    private static readonly string[] DefaultKinds = [SamplerCatalog.DefaultKind, SamplerKinds.Tpe, SamplerKinds.Random];

    public static IReadOnlyList<ObjectiveSettings> Objectives(SectionReader tuning)
    {
        var list = tuning.Child("Objectives");
        var objectives = new List<ObjectiveSettings>();
        if (tuning.Text("Objectives") is { Length: > 0 } single)
        {
            tuning.Fail("Objectives", single, "is not a list of objectives");
        }

        for (var i = 0; list.Exists(Index(i)); i++)
        {
            var key = Index(i);
            if (list.Text(key) is { } text)
            {
                list.Fail(key, text, """is not an objective; write { "Name": "...", "Direction": "Minimize" }""");
                continue;
            }

            var item = list.Child(key);
            item.RejectUnknown("Tuning:Objectives entry", "Name", "Direction");
            var name = item.Text("Name")?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                item.Fail("Name", null, "is missing; every objective needs a name");
            }
            else if (objectives.FindIndex(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)) is var first and >= 0)
            {
                item.Fail("Name", name, $"repeats {list.Key(Index(first))}:Name; objective names must differ");
            }

            objectives.Add(new ObjectiveSettings { Name = name ?? "", Direction = item.Enum("Direction", Direction.Minimize) });
        }

        // The initializer's empty list, so that a section without objectives reads equal to the defaults.
        if (objectives.Count == 0)
        {
            return [];
        }

        return objectives;
    }

    public static SelectSettings? Select(SectionReader tuning)
    {
        if (!tuning.Exists("Select"))
        {
            return null;
        }

        var select = tuning.Child("Select");
        select.RejectUnknown("Tuning:Select", "Minimize", "Maximize", "Weights", "Where");
        var weights = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var weightSection = select.Child("Weights");
        foreach (var name in weightSection.ChildKeys())
        {
            if (weightSection.Text(name) is null)
            {
                weightSection.Fail(name, null, "is not a number");
                continue;
            }

            weights[name] = weightSection.Double(name, 0);
        }

        var where = new Dictionary<string, ObjectiveBounds>(StringComparer.OrdinalIgnoreCase);
        var whereSection = select.Child("Where");
        foreach (var name in whereSection.ChildKeys())
        {
            var bounds = whereSection.Child(name);
            bounds.RejectUnknown($"Tuning:Select:Where:{name}", "AtMost", "AtLeast");
            where[name] = new ObjectiveBounds { AtMost = bounds.OptionalDouble("AtMost"), AtLeast = bounds.OptionalDouble("AtLeast") };
        }

        return new SelectSettings { Minimize = select.Text("Minimize"), Maximize = select.Text("Maximize"), Weights = weights, Where = where };
    }

    /// <summary>Checks the objectives against the rest of the section once each setting reads well on its own, and
    /// returns the sampler settings to use: with several objectives and no <c>Tuning:Sampler:Kind</c>, a kind that can
    /// sample them.</summary>
    public static SamplerSettings Check(TuningOptions options, SectionReader tuning, ObjectiveShape shape)
    {
        var objectives = options.Objectives;
        var sampler = options.Sampler;
        if (objectives.Count > 0 && tuning.Text("Direction") is not null)
        {
            tuning.Fail("Direction", null, "does not apply with Tuning:Objectives: give each objective its Direction there");
        }

        if (shape.ReturnsSeveral && objectives.Count == 0)
        {
            tuning.Fail("Objectives", null, $"is missing: {shape.TypeName} returns one value per objective (ITrialObjectives), so name them there, " +
                """for example [ { "Name": "error", "Direction": "Minimize" }, { "Name": "latency", "Direction": "Minimize" } ]""");
        }
        else if (!shape.ReturnsSeveral && objectives.Count > 1)
        {
            tuning.Fail("Objectives", null, $"lists {objectives.Count} objectives, but {shape.TypeName} returns one value (ITrialObjective); " +
                "implement ITrialObjectives to return one value per objective");
        }

        if (objectives.Count > 1)
        {
            sampler = CheckSampler(options.Sampler, tuning, objectives.Count);
            if (!(PrunerCatalog.Create(options.Pruner) is NopPruner))
            {
                tuning.Fail("Pruner:Kind", options.Pruner.Kind, $"cannot prune a study of {objectives.Count} objectives (Tuning:Objectives): " +
                    $"pruning compares one objective's intermediate values; use {PrunerKinds.None} or leave it out");
            }

            if (options.StopWhen.Rule() is not null)
            {
                tuning.Fail("StopWhen", null,
                    $"cannot stop a study of {objectives.Count} objectives (Tuning:Objectives): it watches one best value; leave it out");
            }
        }

        if (options.Select is { } select)
        {
            CheckSelect(select, objectives, tuning);
        }

        return sampler;
    }

    /// <summary>The selection <c>Tuning:Select</c> describes over <paramref name="objectives"/> (checked already), or
    /// the default: the best front trial in the first objective.</summary>
    public static ParetoSelection Selection(IReadOnlyList<ObjectiveSettings> objectives, SelectSettings? select)
    {
        NamedObjective[] named = [.. objectives.Select(o => new NamedObjective(o.Name, o.Direction))];
        var selection = select switch
        {
            { Minimize: { } name } => ParetoSelection.Best(named, name),
            { Maximize: { } name } => ParetoSelection.Best(named, name),
            { Weights.Count: > 0 } => ParetoSelection.WeightedSum(named, select.Weights),
            _ => ParetoSelection.Best(named, named[0].Name),
        };
        foreach (var (name, bounds) in select?.Where ?? new Dictionary<string, ObjectiveBounds>())
        {
            selection = selection.Where(name, bounds.AtMost, bounds.AtLeast);
        }

        return selection;
    }

    private static SamplerSettings CheckSampler(SamplerSettings settings, SectionReader tuning, int count)
    {
        var capable = SamplerCatalog.All.Names.Where(n => SamplerCatalog.Create(new SamplerSettings { Kind = n }) is IMultiObjectiveSampler).ToList();
        if (tuning.Child("Sampler").Text("Kind") is null)
        {
            // The kind was left to the default, which may model one objective only: take one that reads several.
            var kind = DefaultKinds.FirstOrDefault(capable.Contains) ?? capable[0];
            return settings with { Kind = kind };
        }

        if (!capable.Contains(settings.Kind))
        {
            tuning.Fail("Sampler:Kind", settings.Kind, $"cannot sample a study of {count} objectives (Tuning:Objectives); " +
                $"use one of [{string.Join(", ", capable)}] or leave it out");
        }

        return settings;
    }

    private static void CheckSelect(SelectSettings select, IReadOnlyList<ObjectiveSettings> objectives, SectionReader tuning)
    {
        if (objectives.Count < 2)
        {
            tuning.Fail("Select", null, $"applies only to a study of several Tuning:Objectives (this one has {objectives.Count}, so one best trial): remove it");
            return;
        }

        var names = string.Join(", ", objectives.Select(o => o.Name));
        var rules = new (string Key, bool Given)[] { ("Minimize", select.Minimize is not null), ("Maximize", select.Maximize is not null), ("Weights", select.Weights.Count > 0) }
            .Where(r => r.Given).Select(r => r.Key).ToList();
        if (rules.Count != 1)
        {
            tuning.Fail("Select", null, rules.Count == 0
                ? "needs a rule: Minimize or Maximize an objective, or Weights per objective"
                : $"gives {string.Join(" and ", rules)}; give one of them");
        }

        foreach (var (rule, name, direction) in new[] { ("Minimize", select.Minimize, Direction.Minimize), ("Maximize", select.Maximize, Direction.Maximize) })
        {
            if (name is null)
            {
                continue;
            }

            if (Find(objectives, name) is not { } objective)
            {
                tuning.Fail("Select:" + rule, name, $"is not an objective in Tuning:Objectives ({names})");
            }
            else if (objective.Direction != direction)
            {
                tuning.Fail("Select:" + rule, name, $"is an objective to {objective.Direction} in Tuning:Objectives; write {objective.Direction}");
            }
        }

        foreach (var (name, weight) in select.Weights)
        {
            if (Find(objectives, name) is null)
            {
                tuning.Fail("Select:Weights:" + name, null, $"is not an objective in Tuning:Objectives ({names})");
            }
            else if (weight < 0)
            {
                tuning.Fail("Select:Weights:" + name, tuning.Child("Select:Weights").Text(name), "is below the minimum 0");
            }
        }

        if (select.Weights.Count > 0 && select.Weights.Values.All(w => w <= 0))
        {
            tuning.Fail("Select:Weights", null, "gives no objective a positive weight");
        }

        foreach (var (name, bounds) in select.Where)
        {
            if (Find(objectives, name) is null)
            {
                tuning.Fail("Select:Where:" + name, null, $"is not an objective in Tuning:Objectives ({names})");
            }
            else if (bounds.AtMost is null && bounds.AtLeast is null)
            {
                tuning.Fail("Select:Where:" + name, null, "needs AtMost, AtLeast or both");
            }
            else if (bounds.AtLeast > bounds.AtMost)
            {
                tuning.Fail("Select:Where:" + name, null, $"admits nothing: AtLeast {bounds.AtLeast} is above AtMost {bounds.AtMost}");
            }
        }
    }

    private static ObjectiveSettings? Find(IReadOnlyList<ObjectiveSettings> objectives, string name) =>
        objectives.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the registered objective type returns: one value (<see cref="ITrialObjective{T}"/>) or one per
/// objective (<see cref="ITrialObjectives{T}"/>).</summary>
/// <param name="TypeName">The objective type's name, for messages.</param>
/// <param name="ReturnsSeveral">Whether it implements <see cref="ITrialObjectives{T}"/>.</param>
internal sealed record ObjectiveShape(string TypeName, bool ReturnsSeveral);
