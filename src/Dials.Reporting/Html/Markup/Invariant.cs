using System.Globalization;

namespace Dials.Reporting.Html.Markup;

/// <summary>Numbers as text, always in the invariant culture: a report made on a German machine must read (and parse as
/// SVG) the same as one made anywhere else.</summary>
internal static class Invariant
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A coordinate for an SVG attribute: at most two decimals, which is finer than any screen.</summary>
    public static string Coordinate(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", Culture) : "0";

    /// <summary>An objective value or score for people: four significant digits, "–" when missing.</summary>
    public static string Value(double? value) => value switch
    {
        null => "–",
        double v when double.IsNaN(v) => "NaN",
        double v when double.IsInfinity(v) => v > 0 ? "∞" : "−∞",
        0d => "0", // also -0, which would print as "-0"
        double v => Math.Abs(v) is >= 1e-3 and < 1e5 ? v.ToString("G5", Culture) : v.ToString("0.###E+0", Culture),
    };

    /// <summary>A value with all the precision it has, for tables where people copy numbers out.</summary>
    public static string Exact(double value) => value.ToString("R", Culture);

    /// <summary>An integer.</summary>
    public static string Integer(long value) => value.ToString(Culture);

    /// <summary>A share as a percentage with one decimal.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", Culture) + "%";

    /// <summary>A duration at the precision people care about: milliseconds, seconds, minutes or hours.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "–",
        { TotalSeconds: < 1 } d => d.TotalMilliseconds.ToString("0", Culture) + " ms",
        { TotalMinutes: < 1 } d => d.TotalSeconds.ToString("0.0", Culture) + " s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        var d => $"{(int)d.Value.TotalHours} h {d.Value.Minutes} min",
    };

    /// <summary>A point in time as UTC, to the second.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", Culture) + " UTC";
}
