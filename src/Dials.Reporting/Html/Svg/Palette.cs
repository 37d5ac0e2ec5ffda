using System.Globalization;

namespace Dials.Reporting.Html.Svg;

/// <summary>
/// Colours that colour-blind readers can tell apart: Okabe and Ito's qualitative palette for kinds of marks, and
/// viridis (perceptually uniform, readable in grey) for values.
/// </summary>
internal static class Palette
{
    /// <summary>Complete trials, main series.</summary>
    public const string Blue = "#0072B2";

    /// <summary>The best-so-far line and highlights.</summary>
    public const string Orange = "#E69F00";

    /// <summary>Pruned trials.</summary>
    public const string Vermillion = "#D55E00";

    /// <summary>Tolerated regions, good outcomes.</summary>
    public const string Green = "#009E73";

    /// <summary>Light fills.</summary>
    public const string Sky = "#56B4E9";

    /// <summary>Failed trials and de-emphasised marks.</summary>
    public const string Grey = "#8C8C8C";

    /// <summary>Text and axes.</summary>
    public const string Ink = "#333333";

    // Viridis sampled at nine points, stopping short of its palest yellow, which vanishes on a white page.
    private static readonly (double R, double G, double B)[] Viridis =
    [
        (0xbd, 0xdf, 0x26), (0x7a, 0xd1, 0x51), (0x44, 0xbf, 0x70), (0x22, 0xa8, 0x84), (0x21, 0x91, 0x8c),
        (0x2a, 0x78, 0x8e), (0x34, 0x5f, 0x8d), (0x41, 0x44, 0x87), (0x44, 0x01, 0x54),
    ];

    /// <summary>The colour of a quality in [0, 1]: pale yellow-green for the worst, deep purple for the best.</summary>
    public static string Quality(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        var position = t * (Viridis.Length - 1);
        var i = Math.Min((int)position, Viridis.Length - 2);
        var f = position - i;
        var (a, b) = (Viridis[i], Viridis[i + 1]);
        return string.Create(CultureInfo.InvariantCulture,
            $"#{Mix(a.R, b.R, f):x2}{Mix(a.G, b.G, f):x2}{Mix(a.B, b.B, f):x2}");
    }

    /// <summary>The stops of <see cref="Quality"/>, for legend gradients.</summary>
    public static IEnumerable<(double Offset, string Colour)> QualityStops() =>
        Enumerable.Range(0, Viridis.Length).Select(i => ((double)i / (Viridis.Length - 1), Quality((double)i / (Viridis.Length - 1))));

    private static int Mix(double a, double b, double f) => (int)Math.Round(a + (b - a) * f);
}
