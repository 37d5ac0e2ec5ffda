using System.Numerics.Tensors;

namespace Dials.Samplers.Gp;

/// <summary>
/// A Gaussian process regression fitted to observations with given hyperparameters: zero prior mean over the
/// standardised objective, Matérn 5/2 ARD kernel, Gaussian noise. Holds the Cholesky factor of K + noise·I and
/// α = (K + noise·I)⁻¹ y, from which the posterior mean and variance at any input follow.
/// </summary>
internal sealed class GaussianProcess
{
    private readonly double[] inputs;
    private readonly bool[] categorical;
    private readonly double[] alpha;
    private readonly Cholesky factor;

    private GaussianProcess(double[] inputs, int count, double[] targets, bool[] categorical, GpHyperparameters hyperparameters,
        Cholesky factor)
    {
        this.inputs = inputs;
        Count = count;
        Targets = targets;
        this.categorical = categorical;
        Hyperparameters = hyperparameters;
        this.factor = factor;
        alpha = (double[])targets.Clone();
        factor.Solve(alpha);
    }

    /// <summary>The number of observations.</summary>
    public int Count { get; }

    /// <summary>The observed (standardised) values.</summary>
    public double[] Targets { get; }

    /// <summary>The hyperparameters the process was built with.</summary>
    public GpHyperparameters Hyperparameters { get; }

    private int Width => categorical.Length;

    /// <summary>The process through <paramref name="count"/> observations (row-major <paramref name="inputs"/>, one row
    /// of <c>categorical.Length</c> inputs each); null when K + noise·I cannot be factored even with added jitter.</summary>
    public static GaussianProcess? Create(double[] inputs, int count, double[] targets, bool[] categorical,
        GpHyperparameters hyperparameters)
    {
        var d = categorical.Length;
        var k = new double[count * count];
        var theta = hyperparameters.InverseSquaredLengthScales;
        for (var a = 0; a < count; a++)
        {
            var rowA = inputs.AsSpan(a * d, d);
            for (var b = 0; b < a; b++)
            {
                k[a * count + b] = hyperparameters.Scale * Matern52.Value(ScaledSquaredDistance(rowA, inputs.AsSpan(b * d, d), theta, categorical));
            }
        }

        // Jitter grows tenfold per failure: only near-duplicate inputs with almost no noise need it.
        for (var jitter = 0.0; jitter < 1e-2 * hyperparameters.Scale; jitter = jitter == 0 ? 1e-10 * hyperparameters.Scale : jitter * 10)
        {
            for (var a = 0; a < count; a++)
            {
                k[a * count + a] = hyperparameters.Scale + hyperparameters.Noise + jitter;
            }

            var factor = Cholesky.TryFactor(k, count);
            if (factor is not null)
            {
                return new GaussianProcess(inputs, count, targets, categorical, hyperparameters, factor);
            }
        }

        return null;
    }

    /// <summary>Σ_j θ_j δ_j(a, b)².</summary>
    public static double ScaledSquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double[] theta, bool[] categorical)
    {
        var r2 = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            r2 += theta[j] * Matern52.SquaredDifference(a[j], b[j], categorical[j]);
        }

        return r2;
    }

    /// <summary>The same process with more observations appended (same hyperparameters): how points still being
    /// evaluated enter as "believed" values.</summary>
    public GaussianProcess? WithObservations(double[] moreInputs, int moreCount, double[] moreTargets)
    {
        if (moreCount == 0)
        {
            return this;
        }

        var all = new double[(Count + moreCount) * Width];
        inputs.AsSpan(0, Count * Width).CopyTo(all);
        moreInputs.AsSpan(0, moreCount * Width).CopyTo(all.AsSpan(Count * Width));
        return Create(all, Count + moreCount, [.. Targets, .. moreTargets.AsSpan(0, moreCount)], categorical, Hyperparameters);
    }

    /// <summary>Posterior mean and variance of the latent function at one input.</summary>
    public (double Mean, double Variance) Posterior(ReadOnlySpan<double> x)
    {
        var k = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            k[i] = Hyperparameters.Scale * Matern52.Value(ScaledSquaredDistance(x, inputs.AsSpan(i * Width, Width), Hyperparameters.InverseSquaredLengthScales, categorical));
        }

        var mean = TensorPrimitives.Dot(k, alpha);
        factor.SolveLower(k);
        return (mean, Math.Max(Hyperparameters.Scale - TensorPrimitives.Dot(k, k), 0));
    }

    /// <summary>Posterior means and variances at <paramref name="count"/> inputs (row-major) at once: in chunks of
    /// candidates small enough for the cache, the kernel columns are laid out one row per observation so that the
    /// kernel and the triangular solve run as vector operations over the whole chunk.</summary>
    public void Posterior(double[] points, int count, Span<double> means, Span<double> variances)
    {
        const int Chunk = 128;
        var d = Width;
        var block = new double[Count * Chunk];
        var work = new ChunkWork(d, Chunk);
        for (var start = 0; start < count; start += Chunk)
        {
            var size = Math.Min(Chunk, count - start);
            PosteriorChunk(points.AsSpan(start * d, size * d), size, block.AsSpan(0, Count * size), work,
                means.Slice(start, size), variances.Slice(start, size));
        }
    }

    private void PosteriorChunk(ReadOnlySpan<double> points, int count, Span<double> block, ChunkWork work, Span<double> means,
        Span<double> variances)
    {
        var theta = Hyperparameters.InverseSquaredLengthScales;
        var d = Width;

        // The candidates' coordinates one input at a time, so that each observation's kernel row over the chunk is built
        // from vector operations.
        for (var j = 0; j < d; j++)
        {
            for (var c = 0; c < count; c++)
            {
                work.Columns[j][c] = points[c * d + j];
            }
        }

        var r2 = work.SquaredDistances.AsSpan(0, count);
        var scratch = work.Scratch.AsSpan(0, count);
        for (var i = 0; i < Count; i++)
        {
            r2.Clear();
            for (var j = 0; j < d; j++)
            {
                var column = work.Columns[j].AsSpan(0, count);
                var observed = inputs[i * d + j];
                if (categorical[j])
                {
                    for (var c = 0; c < count; c++)
                    {
                        r2[c] += column[c] == observed ? 0 : theta[j];
                    }
                }
                else
                {
                    TensorPrimitives.Subtract(column, observed, scratch);
                    TensorPrimitives.Multiply(scratch, scratch, scratch);
                    TensorPrimitives.MultiplyAdd(scratch, theta[j], r2, r2);
                }
            }

            Matern52.Values(r2, scratch, block.Slice(i * count, count), Hyperparameters.Scale);
        }

        means.Clear();
        for (var i = 0; i < Count; i++)
        {
            TensorPrimitives.MultiplyAdd(block.Slice(i * count, count), alpha[i], means, means);
        }

        factor.SolveLowerBlock(block, count);
        variances.Fill(Hyperparameters.Scale);
        for (var i = 0; i < Count; i++)
        {
            var row = block.Slice(i * count, count);
            TensorPrimitives.Multiply(row, row, scratch);
            TensorPrimitives.Subtract(variances, scratch, variances);
        }

        TensorPrimitives.Max(variances, 0.0, variances);
    }

    /// <summary>Scratch arrays reused across the chunks of one batch.</summary>
    private sealed class ChunkWork(int inputs, int chunk)
    {
        public double[][] Columns { get; } = [.. Enumerable.Range(0, inputs).Select(_ => new double[chunk])];

        public double[] SquaredDistances { get; } = new double[chunk];

        public double[] Scratch { get; } = new double[chunk];
    }

    /// <summary>Posterior mean and variance at one input with their gradients by the inputs listed in
    /// <paramref name="continuous"/> (written to <paramref name="meanGradient"/> and <paramref name="varianceGradient"/>
    /// in that order).</summary>
    public (double Mean, double Variance) Posterior(ReadOnlySpan<double> x, int[] continuous, Span<double> meanGradient,
        Span<double> varianceGradient)
    {
        var theta = Hyperparameters.InverseSquaredLengthScales;
        var k = new double[Count];
        var slope = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var value = Matern52.Value(ScaledSquaredDistance(x, inputs.AsSpan(i * Width, Width), theta, categorical), out var derivative);
            k[i] = Hyperparameters.Scale * value;
            slope[i] = Hyperparameters.Scale * derivative;
        }

        var mean = TensorPrimitives.Dot(k, alpha);
        var w = (double[])k.Clone();
        factor.SolveLower(w);
        var variance = Hyperparameters.Scale - TensorPrimitives.Dot(w, w);
        factor.SolveUpper(w);

        // dk_i/dx_j = slope_i · 2 θ_j (x_j - X_ij); mean' = Σ α_i dk_i, variance' = -2 Σ (K⁻¹k)_i dk_i.
        for (var c = 0; c < continuous.Length; c++)
        {
            var j = continuous[c];
            double dm = 0, dv = 0;
            for (var i = 0; i < Count; i++)
            {
                var dk = slope[i] * 2 * theta[j] * (x[j] - inputs[i * Width + j]);
                dm += alpha[i] * dk;
                dv += w[i] * dk;
            }

            meanGradient[c] = dm;
            varianceGradient[c] = -2 * dv;
        }

        return (mean, Math.Max(variance, 0));
    }
}
