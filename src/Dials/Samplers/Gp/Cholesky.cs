using System.Numerics.Tensors;

namespace Dials.Samplers.Gp;

/// <summary>
/// The Cholesky factor L (lower triangular, row-major, n x n) of a symmetric positive definite matrix, and the solves
/// a Gaussian process needs from it. Rows are contiguous, so every inner loop is a dot product or an AXPY over a row
/// prefix, which <see cref="TensorPrimitives"/> vectorises.
/// </summary>
internal sealed class Cholesky
{
    private Cholesky(double[] factor, int size)
    {
        Factor = factor;
        Size = size;
    }

    /// <summary>L, row-major; entries above the diagonal are zero.</summary>
    public double[] Factor { get; }

    /// <summary>n.</summary>
    public int Size { get; }

    /// <summary>Factors <paramref name="matrix"/> (row-major, only the lower triangle is read); null when it is not
    /// numerically positive definite.</summary>
    public static Cholesky? TryFactor(ReadOnlySpan<double> matrix, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var rowI = l.AsSpan(i * n, n);
            for (var j = 0; j <= i; j++)
            {
                var s = matrix[i * n + j] - TensorPrimitives.Dot(rowI[..j], l.AsSpan(j * n, j));
                if (i == j)
                {
                    if (!(s > 0))
                    {
                        return null;
                    }

                    rowI[i] = Math.Sqrt(s);
                }
                else
                {
                    rowI[j] = s / l[j * n + j];
                }
            }
        }

        return new Cholesky(l, n);
    }

    /// <summary>log det(L Lᵀ) / 2 = sum of log L_ii.</summary>
    public double HalfLogDeterminant()
    {
        var sum = 0.0;
        for (var i = 0; i < Size; i++)
        {
            sum += Math.Log(Factor[i * Size + i]);
        }

        return sum;
    }

    /// <summary>Solves L v = b in place.</summary>
    public void SolveLower(Span<double> b)
    {
        var n = Size;
        for (var i = 0; i < n; i++)
        {
            b[i] = (b[i] - TensorPrimitives.Dot(Factor.AsSpan(i * n, i), b[..i])) / Factor[i * n + i];
        }
    }

    /// <summary>Solves Lᵀ x = v in place (column-oriented, so each step is an AXPY over a row of L).</summary>
    public void SolveUpper(Span<double> v)
    {
        var n = Size;
        for (var i = n - 1; i >= 0; i--)
        {
            v[i] /= Factor[i * n + i];
            TensorPrimitives.MultiplyAdd(Factor.AsSpan(i * n, i), -v[i], v[..i], v[..i]);
        }
    }

    /// <summary>Solves (L Lᵀ) x = b in place.</summary>
    public void Solve(Span<double> b)
    {
        SolveLower(b);
        SolveUpper(b);
    }

    /// <summary>
    /// Solves L V = B for a block of right-hand sides stored row-major as n rows of <paramref name="columns"/> (row i
    /// holds the i-th entry of every right-hand side), in place. Each step is an AXPY over a whole row, so many
    /// candidates' variances cost one pass over L.
    /// </summary>
    public void SolveLowerBlock(Span<double> block, int columns)
    {
        var n = Size;
        for (var i = 0; i < n; i++)
        {
            var row = block.Slice(i * columns, columns);
            for (var j = 0; j < i; j++)
            {
                var lij = Factor[i * n + j];
                if (lij != 0)
                {
                    TensorPrimitives.MultiplyAdd(block.Slice(j * columns, columns), -lij, row, row);
                }
            }

            TensorPrimitives.Multiply(row, 1 / Factor[i * n + i], row);
        }
    }

    /// <summary>(L Lᵀ)⁻¹, row-major and symmetric, through L⁻¹ (rows built by AXPYs) and L⁻ᵀ L⁻¹ as a sum of
    /// outer products of L⁻¹'s rows.</summary>
    public double[] Inverse()
    {
        var n = Size;
        var inv = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var row = inv.AsSpan(i * n, i + 1);
            row[i] = 1;
            for (var k = 0; k < i; k++)
            {
                var lik = Factor[i * n + k];
                if (lik != 0)
                {
                    TensorPrimitives.MultiplyAdd(inv.AsSpan(k * n, k + 1), -lik, row[..(k + 1)], row[..(k + 1)]);
                }
            }

            TensorPrimitives.Multiply(row, 1 / Factor[i * n + i], row);
        }

        // K⁻¹ = Σ_k outer(r_k, r_k) with r_k the k-th row of L⁻¹ (nonzero on its first k + 1 entries): fill the lower
        // triangle row by row, then mirror it.
        var result = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            var r = inv.AsSpan(k * n, k + 1);
            for (var a = 0; a <= k; a++)
            {
                if (r[a] != 0)
                {
                    TensorPrimitives.MultiplyAdd(r[..(a + 1)], r[a], result.AsSpan(a * n, a + 1), result.AsSpan(a * n, a + 1));
                }
            }
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < a; b++)
            {
                result[b * n + a] = result[a * n + b];
            }
        }

        return result;
    }
}
