using Dials.ML;
using Microsoft.Extensions.Configuration;

namespace TuneMlNet;

/// <summary>
/// How the job reads the data's columns where inference should not decide: the <c>Columns</c> section of a JSON
/// settings file (<c>--settings</c>, or <c>appsettings.json</c> in the working directory when there is one) with the
/// <c>--categorical</c>, <c>--text</c>, <c>--ignore</c> and <c>--numeric</c> flags added to its lists.
/// </summary>
public static class ColumnSettings
{
    /// <summary>The settings file read when <c>--settings</c> is not given and it exists in the working directory.</summary>
    public const string DefaultFile = "appsettings.json";

    /// <summary>Reads the overrides; null (and nothing to override) when neither a file nor a flag says anything.</summary>
    /// <param name="file">The settings file given with <c>--settings</c>, or null for <see cref="DefaultFile"/> when present.</param>
    /// <param name="flags">The flags' comma-separated lists by kind: categorical, text, ignore, numeric.</param>
    /// <param name="problem">Why the settings cannot be used, naming the file and key.</param>
    public static ColumnOverrides? Read(string? file, (string? Categorical, string? Text, string? Ignore, string? Numeric) flags, out string? problem)
    {
        problem = null;
        var overrides = new ColumnOverrides();
        var path = file ?? (File.Exists(DefaultFile) ? DefaultFile : null);
        var fromFile = false;
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                problem = $"--settings: the file '{path}' does not exist.";
                return null;
            }

            try
            {
                var section = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false).Build().GetSection(ColumnOverrides.SectionName);
                if (section.Exists())
                {
                    // Unknown keys are errors, so a misspelt "Categoricals" is not silently ignored.
                    section.Bind(overrides, options => options.ErrorOnUnknownConfiguration = true);
                    fromFile = true;
                }
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException)
            {
                problem = $"{path}, section {ColumnOverrides.SectionName}: {Innermost(e).Message}";
                return null;
            }
        }

        Add(overrides.Categorical, flags.Categorical);
        Add(overrides.Text, flags.Text);
        Add(overrides.Ignore, flags.Ignore);
        Add(overrides.Numeric, flags.Numeric);
        var fromFlags = flags.Categorical is not null || flags.Text is not null || flags.Ignore is not null || flags.Numeric is not null;
        return fromFile || fromFlags ? overrides : null;
    }

    private static void Add(IList<string> list, string? names)
    {
        foreach (var name in (names ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            list.Add(name);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
