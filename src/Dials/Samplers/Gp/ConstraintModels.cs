namespace Dials.Samplers.Gp;

/// <summary>
/// One GP per constraint, over the same inputs and kernel as the objective's, and the log probability that a point
/// satisfies them all: the sum over constraints of log Φ((μ - τ)/σ), each modelled independently, as Optuna's GP
/// sampler does (Gardner et al., 2014, "Bayesian optimization with inequality constraints"). Added to log expected
/// improvement it steers the search to where the constraints are expected to hold; without a feasible trial it is the
/// whole acquisition.
/// </summary>
/// <remarks>A constraint's values c are modelled as y = -c standardised (so that, like the objective, larger is better),
/// and c ≤ 0 becomes y ≥ τ with τ = -mean/std in the standardised units. A constraint with fewer than two distinct
/// observed values cannot tell points apart and is left out.</remarks>
internal sealed class ConstraintModels
{
    private readonly GaussianProcess[] processes;
    private readonly double[] thresholds;

    private ConstraintModels(GaussianProcess[] processes, double[] thresholds)
    {
        this.processes = processes;
        this.thresholds = thresholds;
    }

    /// <summary>The constraints modelled.</summary>
    public int Count => processes.Length;

    /// <summary>Fits a GP to each constraint the complete trials of <paramref name="data"/> recorded.</summary>
    /// <param name="data">The observations, with their constraint values.</param>
    /// <param name="fit">Fits a GP to (inputs, rows, targets) under a key naming the constraint, where the fit is
    /// remembered; null when the kernel cannot be factored.</param>
    public static ConstraintModels Fit(GpData data, Func<double[], int, double[], string, GaussianProcess?> fit)
    {
        var d = data.Width;
        var count = data.RowConstraints.Max(c => c?.Count ?? 0);
        var processes = new List<GaussianProcess>();
        var thresholds = new List<double>();
        for (var k = 0; k < count; k++)
        {
            var rows = Enumerable.Range(0, data.CompleteCount).Where(r => data.RowConstraints[r] is { } c && c.Count > k).ToArray();
            var values = rows.Select(r => -data.RowConstraints[r]![k]).ToArray();
            if (values.Distinct().Count() < 2)
            {
                continue;
            }

            var mean = values.Average();
            var std = Math.Max(Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length), 1e-10 * Math.Max(1, Math.Abs(mean)));
            var inputs = new double[rows.Length * d];
            for (var i = 0; i < rows.Length; i++)
            {
                data.Inputs.AsSpan(rows[i] * d, d).CopyTo(inputs.AsSpan(i * d, d));
            }

            if (fit(inputs, rows.Length, [.. values.Select(v => (v - mean) / std)], $"constraint {k}") is { } process)
            {
                processes.Add(process);
                thresholds.Add(-mean / std);
            }
        }

        return new ConstraintModels([.. processes], [.. thresholds]);
    }

    /// <summary>The log probability that every constraint holds at <paramref name="x"/>.</summary>
    public double LogFeasibility(ReadOnlySpan<double> x)
    {
        var total = 0.0;
        for (var k = 0; k < processes.Length; k++)
        {
            var (mean, variance) = processes[k].Posterior(x);
            total += LogNormalCdf.Value((mean - thresholds[k]) / Sigma(variance), out _);
        }

        return total;
    }

    /// <summary>Adds the log probability of feasibility at each of <paramref name="count"/> inputs (row-major) to
    /// <paramref name="scores"/>.</summary>
    public void AddLogFeasibility(double[] points, int count, double[] scores)
    {
        var means = new double[count];
        var variances = new double[count];
        for (var k = 0; k < processes.Length; k++)
        {
            processes[k].Posterior(points, count, means, variances);
            for (var c = 0; c < count; c++)
            {
                scores[c] += LogNormalCdf.Value((means[c] - thresholds[k]) / Sigma(variances[c]), out _);
            }
        }
    }

    /// <summary>The log probability of feasibility at <paramref name="x"/>, with its gradient by the inputs listed in
    /// <paramref name="continuous"/> written to <paramref name="gradient"/>.</summary>
    public double LogFeasibility(ReadOnlySpan<double> x, int[] continuous, Span<double> gradient)
    {
        gradient.Clear();
        var meanGradient = new double[continuous.Length];
        var varianceGradient = new double[continuous.Length];
        var total = 0.0;
        for (var k = 0; k < processes.Length; k++)
        {
            var (mean, variance) = processes[k].Posterior(x, continuous, meanGradient, varianceGradient);
            var sigma = Sigma(variance);
            var z = (mean - thresholds[k]) / sigma;
            total += LogNormalCdf.Value(z, out var slope);

            // dz/dμ = 1/σ and dz/dσ = -z/σ, with dσ/dx = (dσ²/dx) / 2σ.
            for (var c = 0; c < continuous.Length; c++)
            {
                var dSigma = variance > 1e-20 ? varianceGradient[c] / (2 * sigma) : 0;
                gradient[c] += slope * (meanGradient[c] - z * dSigma) / sigma;
            }
        }

        return total;
    }

    private static double Sigma(double variance) => Math.Sqrt(Math.Max(variance, 1e-20));
}
