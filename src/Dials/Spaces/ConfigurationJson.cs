using System.Text.Json;

namespace Dials;

/// <summary>
/// A configuration as an appsettings.json fragment in the shape <c>AddHyperparameters</c> binds:
/// <c>{ "Training": { "LearningRate": 0.01, "Schedule": { "WarmupSteps": 100 } } }</c>. The section path may be nested
/// (<c>Models:Ranker</c>), dotted dimension names become nested objects, numbers stay numbers (whole ones as integers),
/// bools stay bools, choices and enum names are strings, and inactive dimensions are left out (binding gives them their
/// defaults, which conditions ignore anyway). Keys keep the space's declaration order so successive files diff line by
/// line.
/// </summary>
public static class ConfigurationJson
{
    /// <summary>The fragment as indented JSON text, ending with a line feed.</summary>
    /// <param name="section">The configuration section, <c>:</c>-separated when nested.</param>
    /// <param name="space">The search space.</param>
    /// <param name="point">The configuration as a point of the space (NaN where inactive).</param>
    /// <exception cref="ArgumentException">The section is empty or the point does not fit the space.</exception>
    public static string Write(string section, SearchSpace space, IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(point);
        return Write(section, space, space.ToValues(point.ToArray()));
    }

    /// <summary>The fragment for values by dimension name, as <see cref="SearchSpace.ToValues"/> gives them (absent
    /// names are left out).</summary>
    /// <param name="section">The configuration section, <c>:</c>-separated when nested.</param>
    /// <param name="space">The search space, for the declaration order of the keys.</param>
    /// <param name="values">The active values by dimension name.</param>
    /// <exception cref="ArgumentException">The section is empty or has an empty part.</exception>
    public static string Write(string section, SearchSpace space, IReadOnlyDictionary<string, object> values) =>
        JsonValueWriter.Text(json =>
        {
            json.WriteStartObject();
            WriteSection(json, section, space, values);
            json.WriteEndObject();
        });

    /// <summary>Writes <c>"Section": { ... }</c> as a property of the object being written.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="section">The configuration section, <c>:</c>-separated when nested.</param>
    /// <param name="space">The search space.</param>
    /// <param name="point">The configuration as a point of the space (NaN where inactive).</param>
    public static void WriteSection(Utf8JsonWriter json, string section, SearchSpace space, IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(point);
        WriteSection(json, section, space, space.ToValues(point.ToArray()));
    }

    private static void WriteSection(Utf8JsonWriter json, string section, SearchSpace space, IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        ArgumentNullException.ThrowIfNull(values);
        var sectionPath = section.Split(':');
        if (sectionPath.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"The section '{section}' has an empty part.", nameof(section));
        }

        var leaves = space.Dimensions
            .Where(d => values.ContainsKey(d.Name))
            .Select(d => (Path: d.Name.Split('.'), Value: values[d.Name]))
            .ToList();
        foreach (var part in sectionPath)
        {
            json.WritePropertyName(part);
            json.WriteStartObject();
        }

        WriteMembers(json, leaves, 0);
        foreach (var _ in sectionPath)
        {
            json.WriteEndObject();
        }
    }

    /// <summary>The members of one object level: leaves sharing a first name part become one nested object, in the
    /// order their first member was declared.</summary>
    private static void WriteMembers(Utf8JsonWriter json, List<(string[] Path, object Value)> leaves, int depth)
    {
        foreach (var group in leaves.GroupBy(l => l.Path[depth], StringComparer.Ordinal))
        {
            json.WritePropertyName(group.Key);
            if (group.FirstOrDefault(l => l.Path.Length == depth + 1) is { Path: not null } leaf)
            {
                JsonValueWriter.WriteValue(json, leaf.Value);
            }
            else
            {
                json.WriteStartObject();
                WriteMembers(json, [.. group], depth + 1);
                json.WriteEndObject();
            }
        }
    }
}
