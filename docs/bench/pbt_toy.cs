// The PBT paper's toy example (Jaderberg et al., 2017, Figure 2; Dials.Simulation.Pbt.PbtToy): the best Q in the
// population after every round of 4 steps, median over seeds 1 to SEEDS, for PBT, explore only, exploit only and grid
// search. Prints a Markdown table and writes the chart to OUT (docs/pbt-toy.svg).
// Usage: dotnet run docs/bench/pbt_toy.cs -- SEEDS STEPS OUT
#:project ../../src/Dials.Simulation/Dials.Simulation.csproj
using System.Globalization;
using System.Text;
using Dials.Simulation.Pbt;

var inv = CultureInfo.InvariantCulture;
var seeds = args.Length > 0 ? int.Parse(args[0], inv) : 20;
var steps = args.Length > 1 ? int.Parse(args[1], inv) : 40;
var output = args.Length > 2 ? args[2] : "docs/pbt-toy.svg";

var medians = new List<(string Name, double[] Curve)>();
foreach (var (name, exploit, explore) in PbtToy.Strategies)
{
    var runs = new List<double[]>();
    for (var seed = 1; seed <= seeds; seed++)
    {
        runs.Add(await PbtToy.RunAsync(exploit, explore, seed, steps));
    }

    medians.Add((name, [.. Enumerable.Range(0, runs[0].Length).Select(r => Median(runs.Select(run => run[r])))]));
}

var rounds = medians[0].Curve.Length;
var checkpoints = new[] { rounds / 4, rounds / 2, rounds }.Where(r => r > 0).Distinct().ToArray();
Console.WriteLine($"| strategy | {string.Join(" | ", checkpoints.Select(r => $"@{r * PbtToy.Interval} steps"))} |");
Console.WriteLine($"|---|{string.Concat(checkpoints.Select(_ => "---:|"))}");
foreach (var (name, curve) in medians)
{
    Console.WriteLine($"| {name} | {string.Join(" | ", checkpoints.Select(r => curve[r - 1].ToString("F3", inv)))} |");
}

// A line chart: steps across, Q up (0 to the optimum 1.2), one line per strategy.
const double Width = 640, Height = 380, Left = 60, Right = 140, Top = 40, Bottom = 50;
string[] palette = ["#d62728", "#1f77b4", "#2ca02c", "#7f7f7f"];
var plotWidth = Width - Left - Right;
var plotHeight = Height - Top - Bottom;
double X(int round) => Left + (plotWidth * (round + 1) / rounds);
double Y(double q) => Top + (plotHeight * (1 - (Math.Max(q, 0) / PbtToy.Optimum)));
var svg = new StringBuilder();
svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
svg.Append(inv, $"<text x=\"{Left}\" y=\"22\" font-size=\"15\">PBT toy (Jaderberg et al. 2017, Fig. 2): best Q, median of {seeds} seeds</text>\n");
foreach (var q in new[] { 0.0, 0.3, 0.6, 0.9, 1.2 })
{
    svg.Append(inv, $"<line x1=\"{Left}\" y1=\"{Y(q):F1}\" x2=\"{Left + plotWidth}\" y2=\"{Y(q):F1}\" stroke=\"#e0e0e0\"/>\n");
    svg.Append(inv, $"<text x=\"{Left - 6}\" y=\"{Y(q) + 4:F1}\" text-anchor=\"end\">{q:F1}</text>\n");
}

for (var r = 0; r < rounds; r += Math.Max(1, rounds / 10))
{
    svg.Append(inv, $"<text x=\"{X(r):F1}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">{(r + 1) * PbtToy.Interval}</text>\n");
}

svg.Append(inv, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"black\"/>\n");
svg.Append(inv, $"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 10}\" text-anchor=\"middle\">steps per member</text>\n");
svg.Append(inv, $"<text transform=\"translate(18 {Top + (plotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\">best Q in the population</text>\n");
for (var s = 0; s < medians.Count; s++)
{
    var (name, curve) = medians[s];
    var points = string.Join(" ", curve.Select((q, r) => string.Create(inv, $"{X(r):F1},{Y(q):F1}")));
    svg.Append(inv, $"<polyline fill=\"none\" stroke=\"{palette[s]}\" stroke-width=\"2\" points=\"{points}\"><title>{name}</title></polyline>\n");
    svg.Append(inv, $"<line x1=\"{Left + plotWidth + 12}\" y1=\"{Top + 10 + (s * 20)}\" x2=\"{Left + plotWidth + 32}\" y2=\"{Top + 10 + (s * 20)}\" stroke=\"{palette[s]}\" stroke-width=\"2\"/>\n");
    svg.Append(inv, $"<text x=\"{Left + plotWidth + 38}\" y=\"{Top + 14 + (s * 20)}\">{name}</text>\n");
}

svg.Append("</svg>\n");
File.WriteAllText(output, svg.ToString());
Console.WriteLine($"wrote {output}");

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
