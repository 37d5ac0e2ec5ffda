using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Dials.Options;

/// <summary>
/// Reads typed settings from one configuration section without reflection, collecting a message per bad value that
/// names the full key (<c>Tuning:Trials = "many" is not a whole number.</c>), so every problem is reported at once.
/// </summary>
internal sealed class SectionReader(IConfiguration section, List<string> errors)
{
    private readonly string prefix = section is IConfigurationSection s && s.Path.Length > 0 ? s.Path + ":" : "";

    /// <summary>The full key of a setting of this section.</summary>
    public string Key(string key) => prefix + key;

    public SectionReader Child(string key) => new(section.GetSection(key), errors);

    /// <summary>How many problems have been found so far (in any section of the same read).</summary>
    public int ErrorCount => errors.Count;

    /// <summary>Every key under this section, relative to it, with its value.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Leaves() => section.AsEnumerable(makePathsRelative: true);

    public string? Text(string key) => section[key];

    /// <summary>Whether the key has a value or keys under it.</summary>
    public bool Exists(string key) => section.GetSection(key).Exists();

    /// <summary>The keys directly under this section.</summary>
    public IEnumerable<string> ChildKeys() => section.GetChildren().Select(c => c.Key);

    public bool Bool(string key, bool fallback) => Parse(key, fallback, (string t, out bool v) => bool.TryParse(t, out v), "is not true or false");

    public int Int(string key, int fallback, int min) =>
        Check(key, Parse(key, fallback, (string t, out int v) => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out v), "is not a whole number"), min);

    public long Long(string key, long fallback, long min) =>
        Check(key, Parse(key, fallback, (string t, out long v) => long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out v), "is not a whole number"), min);

    public double Double(string key, double fallback) =>
        Parse(key, fallback, (string t, out double v) => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v), "is not a finite number");

    public int? OptionalInt(string key, int min = int.MinValue) => Text(key) is null ? null : Int(key, 0, min);

    public long? OptionalLong(string key, long min) => Text(key) is null ? null : Long(key, 0, min);

    public double? OptionalDouble(string key) => Text(key) is null ? null : Double(key, 0);

    public double Double(string key, double fallback, double min) => Check(key, Double(key, fallback), min);

    /// <summary>A kind's name from a catalog, as the catalog spells it; a name it lacks is reported with the known ones.</summary>
    public string Kind<TSettings, T>(string key, Catalogs.Catalog<TSettings, T> catalog, string fallback) =>
        Parse(key, fallback, (string t, out string v) =>
        {
            var kind = catalog.Find(t);
            v = kind?.Name ?? fallback;
            return kind is not null;
        }, "is not one of [" + string.Join(", ", catalog.Names) + "]");

    public TimeSpan? Duration(string key) => Text(key) is null ? null
        : Parse<TimeSpan?>(key, null, (string t, out TimeSpan? v) =>
        {
            var ok = TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero;
            v = span;
            return ok;
        }, "is not a positive time span (hh:mm:ss)");

    public TEnum Enum<TEnum>(string key, TEnum fallback)
        where TEnum : struct, Enum =>
        Parse(key, fallback, (string t, out TEnum v) => System.Enum.TryParse(t, ignoreCase: true, out v) && System.Enum.IsDefined(v) && !int.TryParse(t, out _),
            "is not one of [" + string.Join(", ", System.Enum.GetNames<TEnum>()) + "]");

    /// <summary>Reports keys of this section that are not settings, so a typo does not silently keep a default.</summary>
    public void RejectUnknown(string owner, params string[] known)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{Key(child.Key)} is not a {owner} setting; expected one of {string.Join(", ", known)}.");
            }
        }
    }

    public void Fail(string key, string? text, string rule)
    {
        var full = key.Length == 0 ? prefix.TrimEnd(':') : Key(key);
        errors.Add(text is null ? $"{full} {rule}." : $"{full} = {text} {rule}.");
    }

    private delegate bool TryParse<TValue>(string text, out TValue value);

    private TValue Parse<TValue>(string key, TValue fallback, TryParse<TValue> parse, string rule)
    {
        if (Text(key) is not { } text)
        {
            return fallback;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        Fail(key, text, rule);
        return fallback;
    }

    private TValue Check<TValue>(string key, TValue value, TValue min)
        where TValue : IComparable<TValue>
    {
        if (value.CompareTo(min) < 0)
        {
            Fail(key, Text(key), $"is below the minimum {min}");
            return min;
        }

        return value;
    }
}
