using System.Globalization;
using Dials.Reporting.Export;

namespace Dials.Cli.Commands;

/// <summary>How the commands print numbers, durations and configurations: invariant culture, so output reads and
/// parses the same on every machine.</summary>
internal static class CliText
{
    /// <summary>An objective value to six significant digits; empty for none.</summary>
    public static string Value(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A share in [0, 1] as a percentage with one decimal.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A duration in seconds; empty for a trial still running.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalSeconds: > 0 and < 0.001 } => "< 0.001 s", // Not "0 s": it ran, just quickly.
        { } d => d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s",
    };

    /// <summary>A point's active parameters as <c>Name=value</c> pairs.</summary>
    public static string Parameters(SearchSpace space, IReadOnlyList<double> point) =>
        string.Join(", ", ParameterValue.Of(space, point).Select(p => $"{p.Name}={p.Text}"));
}
