using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dials.Options;

/// <summary>
/// Writes a configuration as a JSON configuration layer in the shape of the hyperparameters' own section
/// (<c>{ "Training": { "LearningRate": 0.003, "Warmup": { "Steps": 200 } } }</c>): indented, keys in declaration
/// order (so successive files diff line by line), replaced atomically (temp file, then rename) so a reader never
/// sees half a file.
/// </summary>
internal static class TunedConfigurationFile
{
    public static void Write(string path, string sectionPath, SearchSpace space, IReadOnlyDictionary<string, object> values)
    {
        var leaves = space.Dimensions
            .Where(d => values.ContainsKey(d.Name))
            .Select(d => (Path: sectionPath.Split(':').Concat(d.Name.Split('.')).ToArray(), Value: values[d.Name]))
            .ToList();
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteObject(json, leaves, 0);
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        buffer.WriteByte((byte)'\n');
        File.WriteAllBytes(temp, buffer.ToArray());
        File.Move(temp, full, overwrite: true);
    }

    private static void WriteObject(Utf8JsonWriter json, List<(string[] Path, object Value)> leaves, int depth)
    {
        json.WriteStartObject();
        foreach (var group in leaves.GroupBy(l => l.Path[depth]))
        {
            var items = group.ToList();
            if (items is [var leaf] && leaf.Path.Length == depth + 1)
            {
                json.WritePropertyName(group.Key);
                WriteValue(json, leaf.Value);
            }
            else
            {
                json.WritePropertyName(group.Key);
                WriteObject(json, items, depth + 1);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case Enum or string:
                json.WriteStringValue(value.ToString());
                break;
            case IConvertible number:
                json.WriteNumberValue(number.ToDouble(CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
