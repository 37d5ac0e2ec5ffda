using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Dials.Options;

/// <summary>
/// Reads a hyperparameters configuration section into a point of the search space without reflection: one key per
/// dimension (nested dimensions as sub-sections), parsed by the dimension's kind, then checked against its rules.
/// Every problem names the full configuration key.
/// </summary>
internal static class ConfigurationReader
{
    /// <summary>The point the section describes (missing keys take their defaults) and every problem found.</summary>
    public static (double[] Point, List<string> Errors) Read(SearchSpace space, IConfiguration section, string typeName)
    {
        var prefix = section is IConfigurationSection s && s.Path.Length > 0 ? s.Path + ":" : "";
        // Every dimension's own default, conditional ones included: DefaultPoint has the conditions applied, so a
        // dimension inactive under the defaults (Momentum while Optimizer defaults to AdamW) is NaN there, and a section
        // that switches its parent on (Optimizer = Sgd) without naming it would read as "Momentum = NaN". The
        // conditions are applied once the section is read.
        var point = space.Dimensions.Select(d => d.DefaultValue).ToArray();
        var errors = new List<string>();
        for (var i = 0; i < space.Dimensions.Count; i++)
        {
            var dimension = space.Dimensions[i];
            var key = dimension.Name.Replace('.', ':');
            if (section[key] is not { } text)
            {
                continue;
            }

            var (value, rule) = Parse(dimension, text);
            if (rule is null)
            {
                point[i] = value;
            }
            else
            {
                errors.Add(new ValidationError(dimension.Name, Quote(text), rule).Describe(prefix + key));
            }
        }

        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null && space.IndexOf(Canonical(space, key)) < 0)
            {
                errors.Add($"{prefix}{key} is not a hyperparameter of {typeName}; only its tuned properties are read from configuration.");
            }
        }

        if (errors.Count == 0)
        {
            space.ApplyConditions(point);
            errors.AddRange(space.Check(point).Select(e => e.Describe(prefix + e.Path.Replace('.', ':'))));
        }

        return (point, errors);
    }

    /// <summary>The internal value of a configuration string, or the rule it breaks.</summary>
    internal static (double Value, string? Rule) Parse(Dimension dimension, string text)
    {
        switch (dimension.Kind)
        {
            case DimensionKind.Float:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? (number, null)
                    : (double.NaN, "is not a number");
            case DimensionKind.Int or DimensionKind.PowerOfTwo:
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
                    ? (whole, null)
                    : (double.NaN, "is not a whole number");
            default:
                for (var c = 0; c < dimension.Choices.Count; c++)
                {
                    if (Matches(dimension.Choices[c], text))
                    {
                        return (c, null);
                    }
                }

                return (double.NaN, dimension.Violation(double.NaN)); // The dimension's own "is not one of [...]" rule.
        }
    }

    /// <summary>Whether configuration text stands for a choice: strings exactly, bools and enum names ignoring case,
    /// enums also by number, numbers by value.</summary>
    private static bool Matches(object choice, string text) => choice switch
    {
        string s => s == text,
        bool b => bool.TryParse(text, out var parsed) && parsed == b,
        Enum e => string.Equals(e.ToString(), text, StringComparison.OrdinalIgnoreCase)
                  || (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n == Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        IConvertible number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                               && value == number.ToDouble(CultureInfo.InvariantCulture),
        _ => false,
    };

    /// <summary>The dimension name a configuration key stands for (keys are case-insensitive, names are not).</summary>
    private static string Canonical(SearchSpace space, string key)
    {
        var dotted = key.Replace(':', '.');
        return space.Dimensions.FirstOrDefault(d => string.Equals(d.Name, dotted, StringComparison.OrdinalIgnoreCase))?.Name ?? dotted;
    }

    private static string Quote(string text) => '"' + text + '"';
}
