using Dials.Samplers.Gp;

namespace Dials.Samplers.Tests.Gp;

public class GaussianProcessTests
{
    private static readonly double[] Inputs = [0.1, 0.4, 0.8];
    private static readonly double[] Targets = [0.5, -1.0, 0.3];
    private static readonly GpHyperparameters Hyper = new([4.0], 1.5, 0.01);

    [Fact]
    public void Posterior_mean_and_variance_match_the_closed_form_on_a_tiny_data_set()
    {
        var process = GaussianProcess.Create(Inputs, 3, Targets, [false], Hyper)!;
        foreach (var x in new[] { 0.0, 0.25, 0.4, 0.65, 1.0 })
        {
            // The textbook formulas with an explicit 3x3 inverse: mean = kᵀ K⁻¹ y, variance = s - kᵀ K⁻¹ k.
            var k = Inputs.Select(xi => Kernel(x, xi)).ToArray();
            var kInverse = Invert3(Enumerable.Range(0, 3).Select(a => Enumerable.Range(0, 3)
                .Select(b => Kernel(Inputs[a], Inputs[b]) + (a == b ? Hyper.Noise : 0)).ToArray()).ToArray());
            var mean = Enumerable.Range(0, 3).Sum(a => Enumerable.Range(0, 3).Sum(b => k[a] * kInverse[a][b] * Targets[b]));
            var variance = Hyper.Scale - Enumerable.Range(0, 3).Sum(a => Enumerable.Range(0, 3).Sum(b => k[a] * kInverse[a][b] * k[b]));

            var posterior = process.Posterior([x]);
            Assert.Equal(mean, posterior.Mean, 12);
            Assert.Equal(variance, posterior.Variance, 12);
        }
    }

    [Fact]
    public void The_batch_posterior_equals_the_one_point_posterior()
    {
        var (inputs, targets) = RandomData(30, 3, seed: 4);
        var categorical = new[] { false, true, false };
        var process = GaussianProcess.Create(inputs, 30, targets, categorical, new GpHyperparameters([2.0, 0.5, 9.0], 1.2, 0.05))!;
        var (points, _) = RandomData(17, 3, seed: 5);
        var means = new double[17];
        var variances = new double[17];
        process.Posterior(points, 17, means, variances);
        for (var c = 0; c < 17; c++)
        {
            var one = process.Posterior(points.AsSpan(c * 3, 3));
            Assert.Equal(one.Mean, means[c], 10);
            Assert.Equal(one.Variance, variances[c], 10);
        }
    }

    [Fact]
    public void Posterior_gradients_match_finite_differences()
    {
        var (inputs, targets) = RandomData(25, 2, seed: 7);
        var process = GaussianProcess.Create(inputs, 25, targets, [false, false], new GpHyperparameters([3.0, 12.0], 0.8, 1e-3))!;
        double[] x = [0.37, 0.61];
        var meanGradient = new double[2];
        var varianceGradient = new double[2];
        process.Posterior(x, [0, 1], meanGradient, varianceGradient);
        for (var j = 0; j < 2; j++)
        {
            const double h = 1e-6;
            var up = (double[])x.Clone();
            var down = (double[])x.Clone();
            up[j] += h;
            down[j] -= h;
            var (meanUp, varianceUp) = process.Posterior(up);
            var (meanDown, varianceDown) = process.Posterior(down);
            Assert.Equal((meanUp - meanDown) / (2 * h), meanGradient[j], 5);
            Assert.Equal((varianceUp - varianceDown) / (2 * h), varianceGradient[j], 5);
        }
    }

    [Fact]
    public void The_marginal_likelihood_gradient_matches_finite_differences()
    {
        var (inputs, targets) = RandomData(20, 3, seed: 11);
        bool[] categorical = [false, true, false];
        var start = new GpHyperparameters([2.0, 0.7, 5.0], 1.3, 0.02);
        var gradient = new double[5];
        HyperparameterFit.NegativeLogPosterior(inputs, 20, targets, categorical, start, deterministic: false, gradient);
        for (var p = 0; p < 5; p++)
        {
            const double h = 1e-5;
            var up = Shift(start, p, h);
            var down = Shift(start, p, -h);
            var numeric = (HyperparameterFit.NegativeLogPosterior(inputs, 20, targets, categorical, up, false, new double[5])
                - HyperparameterFit.NegativeLogPosterior(inputs, 20, targets, categorical, down, false, new double[5])) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[p]) < 1e-5 * Math.Max(1, Math.Abs(numeric)), $"parameter {p}: {numeric} vs {gradient[p]}");
        }
    }

    [Fact]
    public void The_fit_raises_the_posterior_and_a_deterministic_fit_keeps_the_noise_at_its_floor()
    {
        var (inputs, targets) = RandomData(40, 2, seed: 3, smooth: true);
        bool[] categorical = [false, false];
        var start = GpHyperparameters.Initial(2);
        var fitted = HyperparameterFit.Fit(inputs, 40, targets, categorical, deterministic: false, start);
        var before = HyperparameterFit.NegativeLogPosterior(inputs, 40, targets, categorical, start, false, new double[4]);
        var after = HyperparameterFit.NegativeLogPosterior(inputs, 40, targets, categorical, fitted, false, new double[4]);
        Assert.True(after < before - 1, $"{after} vs {before}");

        var exact = HyperparameterFit.Fit(inputs, 40, targets, categorical, deterministic: true, start);
        Assert.Equal(HyperparameterFit.MinimumNoise, exact.Noise);
    }

    [Fact]
    public void A_noiseless_objective_fits_its_noise_far_below_one_millionth_and_a_noisy_one_near_its_true_noise()
    {
        var (inputs, targets) = RandomData(40, 2, seed: 3, smooth: true);
        bool[] categorical = [false, false];
        var exact = HyperparameterFit.Fit(inputs, 40, targets, categorical, deterministic: false, GpHyperparameters.Initial(2));
        Assert.True(exact.Noise < 1e-8, $"noise {exact.Noise}");

        // The same surface observed with noise of variance 0.01.
        var random = new Random(5);
        var noisy = targets.Select(t => t + 0.1 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())).ToArray();
        var fitted = HyperparameterFit.Fit(inputs, 40, noisy, categorical, deterministic: false, GpHyperparameters.Initial(2));
        Assert.InRange(fitted.Noise, 1e-3, 0.1);
    }

    [Fact]
    public void Cholesky_solves_and_inverts()
    {
        var (inputs, targets) = RandomData(12, 2, seed: 9);
        var matrix = new double[144];
        for (var a = 0; a < 12; a++)
        {
            for (var b = 0; b < 12; b++)
            {
                matrix[a * 12 + b] = Matern52.Value(GaussianProcess.ScaledSquaredDistance(inputs.AsSpan(a * 2, 2), inputs.AsSpan(b * 2, 2), [5, 5], [false, false])) + (a == b ? 0.1 : 0);
            }
        }

        var factor = Cholesky.TryFactor(matrix, 12)!;
        var inverse = factor.Inverse();
        for (var a = 0; a < 12; a++)
        {
            for (var b = 0; b < 12; b++)
            {
                var product = Enumerable.Range(0, 12).Sum(k => matrix[a * 12 + k] * inverse[k * 12 + b]);
                Assert.Equal(a == b ? 1 : 0, product, 10);
            }
        }

        var x = (double[])targets.Clone();
        factor.Solve(x);
        for (var a = 0; a < 12; a++)
        {
            Assert.Equal(targets[a], Enumerable.Range(0, 12).Sum(k => matrix[a * 12 + k] * x[k]), 10);
        }

        Assert.Null(Cholesky.TryFactor([1, 2, 2, 1], 2));
    }

    private static double Kernel(double a, double b) => Hyper.Scale * Matern52.Value(Hyper.InverseSquaredLengthScales[0] * (a - b) * (a - b));

    private static GpHyperparameters Shift(GpHyperparameters h, int parameter, double step)
    {
        var theta = (double[])h.InverseSquaredLengthScales.Clone();
        if (parameter < theta.Length)
        {
            theta[parameter] *= Math.Exp(step);
            return h with { InverseSquaredLengthScales = theta };
        }

        return parameter == theta.Length
            ? h with { Scale = h.Scale * Math.Exp(step) }
            : h with { Noise = HyperparameterFit.MinimumNoise + (h.Noise - HyperparameterFit.MinimumNoise) * Math.Exp(step) };
    }

    /// <summary>Random inputs in the unit cube (every second input a 3-level categorical index) and targets.</summary>
    private static (double[] Inputs, double[] Targets) RandomData(int count, int width, int seed, bool smooth = false)
    {
        var random = new Random(seed);
        var inputs = new double[count * width];
        var targets = new double[count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < width; j++)
            {
                inputs[i * width + j] = j % 2 == 1 && !smooth ? random.Next(3) : random.NextDouble();
            }

            targets[i] = smooth ? Math.Sin(4 * inputs[i * width]) + inputs[i * width + 1] : random.NextDouble() * 2 - 1;
        }

        return (inputs, targets);
    }

    private static double[][] Invert3(double[][] m)
    {
        var det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                  + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double C(int r, int c)
        {
            var rows = Enumerable.Range(0, 3).Where(i => i != r).ToArray();
            var cols = Enumerable.Range(0, 3).Where(i => i != c).ToArray();
            var minor = m[rows[0]][cols[0]] * m[rows[1]][cols[1]] - m[rows[0]][cols[1]] * m[rows[1]][cols[0]];
            return ((r + c) % 2 == 0 ? 1 : -1) * minor;
        }

        return [.. Enumerable.Range(0, 3).Select(r => Enumerable.Range(0, 3).Select(c => C(c, r) / det).ToArray())];
    }
}
