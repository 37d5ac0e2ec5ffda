using System.Globalization;
using System.Text;

namespace Dials.Simulation;

/// <summary>
/// Draws a simulation as a self-contained SVG: trials on the x axis, regret on a log-scaled y axis, one line per
/// strategy for the median over seeds with a translucent band between the quartiles. A hypervolume simulation is
/// drawn the same way through its gap to the optimal hypervolume (<see cref="SimulationResult.Gap"/>), the
/// multi-objective counterpart of regret, so the last digits that tell strategies apart near the optimum show.
/// </summary>
public static class SimulationChart
{
    private const double Width = 720, Height = 440, Left = 70, Right = 150, Top = 40, Bottom = 50;
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>The chart as SVG text.</summary>
    public static string Render(SimulationResult result)
    {
        var series = result.Samplers.Select(curves => (curves.Sampler,
            Median: Curve(result, curves, 0.5),
            Lower: Curve(result, curves, 0.25),
            Upper: Curve(result, curves, 0.75))).ToArray();

        // Regret can reach 0 exactly (a grid hitting the optimum); the log axis stops at a floor below every
        // positive value instead.
        var positive = series.SelectMany(s => s.Lower.Concat(s.Upper)).Where(v => v > 0).DefaultIfEmpty(1).ToArray();
        var low = Math.Floor(Math.Log10(Math.Max(positive.Min(), 1e-12)));
        var high = Math.Ceiling(Math.Log10(Math.Max(positive.Max(), 1e-12)));
        if (high <= low)
        {
            high = low + 1;
        }

        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int trial) => Left + plotWidth * (trial - 1) / Math.Max(1, result.Trials - 1);
        double Y(double regret) => Top + plotHeight * (high - Math.Log10(Math.Max(regret, Math.Pow(10, low)))) / (high - low);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        var (what, axis) = result.Measure == CurveMeasure.Hypervolume
            ? ("hypervolume gap", "optimal hypervolume - hypervolume")
            : ("regret", "regret (best - optimum)");
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"22\" font-size=\"15\">{Escape(result.Function)}: median {what} over {result.Seeds} seeds (band: quartiles)</text>\n"));

        for (var decade = (int)low; decade <= (int)high; decade++)
        {
            var y = Y(Math.Pow(10, decade));
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Left + plotWidth}\" y2=\"{y:F1}\" stroke=\"#e0e0e0\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">1e{decade}</text>\n"));
        }

        foreach (var tick in XTicks(result.Trials))
        {
            var x = X(tick);
            svg.Append(Invariant($"<line x1=\"{x:F1}\" y1=\"{Top + plotHeight}\" x2=\"{x:F1}\" y2=\"{Top + plotHeight + 5}\" stroke=\"black\"/>\n"));
            svg.Append(Invariant($"<text x=\"{x:F1}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">{tick}</text>\n"));
        }

        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"black\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left + plotWidth / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\">trials</text>\n"));
        svg.Append(Invariant($"<text transform=\"translate(18 {Top + plotHeight / 2}) rotate(-90)\" text-anchor=\"middle\">{axis}, log scale</text>\n"));

        for (var s = 0; s < series.Length; s++)
        {
            var color = Palette[s % Palette.Length];
            var (name, median, lower, upper) = series[s];
            var band = new StringBuilder();
            for (var t = 1; t <= result.Trials; t++)
            {
                band.Append(Invariant($"{X(t):F1},{Y(upper[t - 1]):F1} "));
            }

            for (var t = result.Trials; t >= 1; t--)
            {
                band.Append(Invariant($"{X(t):F1},{Y(lower[t - 1]):F1} "));
            }

            svg.Append(Invariant($"<polygon points=\"{band.ToString().TrimEnd()}\" fill=\"{color}\" fill-opacity=\"0.15\" stroke=\"none\"/>\n"));
            var line = string.Join(" ", Enumerable.Range(1, result.Trials).Select(t => Invariant($"{X(t):F1},{Y(median[t - 1]):F1}")));
            svg.Append(Invariant($"<polyline points=\"{line}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>\n"));
            var legendY = Top + 16 + 20 * s;
            svg.Append(Invariant($"<line x1=\"{Width - Right + 12}\" y1=\"{legendY - 4}\" x2=\"{Width - Right + 36}\" y2=\"{legendY - 4}\" stroke=\"{color}\" stroke-width=\"3\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Width - Right + 42}\" y=\"{legendY}\">{Escape(name)}</text>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    // The gap is monotone (decreasing in the hypervolume), so the gap's quantiles are the measure's, mirrored.
    private static double[] Curve(SimulationResult result, SamplerCurves curves, double q)
    {
        var curve = new double[result.Trials];
        for (var t = 1; t <= result.Trials; t++)
        {
            curve[t - 1] = result.Gap(curves.QuantileAt(t, q));
        }

        return curve;
    }

    private static IEnumerable<int> XTicks(int trials)
    {
        var step = trials <= 10 ? 1 : trials <= 50 ? 10 : trials <= 250 ? 50 : trials <= 500 ? 100 : 250;
        yield return 1;
        for (var t = step; t <= trials; t += step)
        {
            yield return t;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
