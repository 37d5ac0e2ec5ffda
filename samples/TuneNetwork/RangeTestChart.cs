using System.Globalization;
using System.Text;
using Dials.Practice;

namespace TuneNetwork;

/// <summary>A small standalone SVG of range-test curves: smoothed loss against log rate, one line per optimizer, a
/// dashed mark at each suggestion. The HTML report has no place for a range test, so the sample draws its own.</summary>
public static class RangeTestChart
{
    private const int Width = 640;
    private const int Height = 360;
    private const int Margin = 48;
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c"];

    /// <summary>The chart's SVG text.</summary>
    public static string Svg(IReadOnlyList<(string Name, LearningRateRangeResult Result)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var inv = CultureInfo.InvariantCulture;
        var points = curves.SelectMany(c => c.Result.Points).ToList();
        var (lowRate, highRate) = (Math.Log10(points.Min(p => p.Rate)), Math.Log10(points.Max(p => p.Rate)));
        // The loss axis stops at three times the lowest starting loss, so a diverging tail does not flatten the curves.
        var top = Math.Min(points.Max(p => p.SmoothedLoss), 3 * curves.Min(c => c.Result.Points[0].SmoothedLoss));
        var bottom = Math.Min(0, points.Min(p => p.SmoothedLoss));
        double X(double rate) => Margin + (Math.Log10(rate) - lowRate) / Math.Max(highRate - lowRate, 1e-9) * (Width - 2 * Margin);
        double Y(double loss) => Height - Margin - (Math.Min(loss, top) - bottom) / Math.Max(top - bottom, 1e-9) * (Height - 2 * Margin);

        var svg = new StringBuilder();
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(inv, $"<title>Learning-rate range test: smoothed training loss against learning rate</title>\n");
        svg.Append(inv, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append(inv, $"<line x1=\"{Margin}\" y1=\"{Height - Margin}\" x2=\"{Width - Margin}\" y2=\"{Height - Margin}\" stroke=\"black\"/>\n");
        svg.Append(inv, $"<line x1=\"{Margin}\" y1=\"{Margin}\" x2=\"{Margin}\" y2=\"{Height - Margin}\" stroke=\"black\"/>\n");
        for (var decade = (int)Math.Ceiling(lowRate); decade <= (int)Math.Floor(highRate); decade++)
        {
            var x = X(Math.Pow(10, decade));
            svg.Append(inv, $"<text x=\"{x:0.#}\" y=\"{Height - Margin + 16}\" text-anchor=\"middle\">1e{decade}</text>\n");
        }

        svg.Append(inv, $"<text x=\"{Width / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">learning rate (log scale)</text>\n");
        svg.Append(inv, $"<text x=\"14\" y=\"{Height / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {Height / 2})\">smoothed loss</text>\n");
        svg.Append(inv, $"<text x=\"{Margin - 4}\" y=\"{Y(top) + 4:0.#}\" text-anchor=\"end\">{top:0.##}</text>\n");
        svg.Append(inv, $"<text x=\"{Margin - 4}\" y=\"{Y(bottom) + 4:0.#}\" text-anchor=\"end\">{bottom:0.##}</text>\n");
        for (var i = 0; i < curves.Count; i++)
        {
            var (name, result) = curves[i];
            var colour = Colours[i % Colours.Length];
            var path = string.Join(" ", result.Points.Select(p => string.Create(inv, $"{X(p.Rate):0.##},{Y(p.SmoothedLoss):0.##}")));
            svg.Append(inv, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{path}\"/>\n");
            var suggested = X(result.SuggestedRate);
            svg.Append(inv, $"<line x1=\"{suggested:0.##}\" y1=\"{Margin}\" x2=\"{suggested:0.##}\" y2=\"{Height - Margin}\" stroke=\"{colour}\" stroke-dasharray=\"4 3\"/>\n");
            svg.Append(inv, $"<text x=\"{Width - Margin}\" y=\"{Margin + 16 * i}\" text-anchor=\"end\" fill=\"{colour}\">{name}: suggested {result.SuggestedRate:G3}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
