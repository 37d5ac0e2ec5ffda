using BenchmarkDotNet.Attributes;
using Dials.Samplers.Gp;
using MathNet.Numerics.LinearAlgebra;

namespace Dials.Benchmarks;

/// <summary>
/// The GP sampler's linear algebra against MathNet.Numerics 5.0 (managed provider) on the same kernel matrix: the
/// Cholesky factorisation plus the solve that gives the posterior variances of a block of 512 candidates (the work of
/// every proposal), and the full inverse the hyperparameter gradient needs. MathNet is the baseline measured in the
/// same run.
/// </summary>
[MemoryDiagnoser]
public class GpLinearAlgebraBenchmarks
{
    private const int Candidates = 512;
    private double[] kernel = null!;
    private double[] block = null!;
    private Matrix<double> mathNetKernel = null!;
    private Matrix<double> mathNetBlock = null!;

    /// <summary>The number of observations.</summary>
    [Params(100, 300)]
    public int Observations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var n = Observations;
        var points = Enumerable.Range(0, n * 6).Select(_ => random.NextDouble()).ToArray();
        kernel = new double[n * n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                kernel[a * n + b] = Matern52.Value(GaussianProcess.ScaledSquaredDistance(points.AsSpan(a * 6, 6), points.AsSpan(b * 6, 6),
                    [4, 4, 4, 4, 4, 4], new bool[6])) + (a == b ? 1e-3 : 0);
            }
        }

        block = Enumerable.Range(0, n * Candidates).Select(_ => random.NextDouble()).ToArray();
        mathNetKernel = Matrix<double>.Build.Dense(n, n, (i, j) => kernel[i * n + j]);
        mathNetBlock = Matrix<double>.Build.Dense(n, Candidates, (i, j) => block[i * Candidates + j]);
    }

    /// <summary>kᵀ K⁻¹ k for every candidate column k (what a posterior variance needs), MathNet's way: factor, solve
    /// K X = B, then sum B ∘ X down each column.</summary>
    [Benchmark(Baseline = true)]
    public double MathNetCandidateVariances()
    {
        var solved = mathNetKernel.Cholesky().Solve(mathNetBlock);
        return mathNetBlock.PointwiseMultiply(solved).ColumnSums()[0];
    }

    /// <summary>The same quantity as the GP computes it: factor, one triangular solve V = L⁻¹ B over the whole block,
    /// then the squares of V summed down each column.</summary>
    [Benchmark]
    public double DialsCandidateVariances()
    {
        var factor = Cholesky.TryFactor(kernel, Observations)!;
        var solved = (double[])block.Clone();
        factor.SolveLowerBlock(solved, Candidates);
        var sums = new double[Candidates];
        for (var i = 0; i < Observations; i++)
        {
            var row = solved.AsSpan(i * Candidates, Candidates);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(row, row, sums, sums);
        }

        return sums[0];
    }

    [Benchmark]
    public double MathNetInverse() => mathNetKernel.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(Observations))[0, 0];

    [Benchmark]
    public double DialsInverse() => Cholesky.TryFactor(kernel, Observations)!.Inverse()[0];
}
