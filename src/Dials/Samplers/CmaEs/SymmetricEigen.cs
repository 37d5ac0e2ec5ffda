namespace Dials.Samplers;

/// <summary>Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations: simple, robust, and exact
/// enough for the covariance matrices of CMA-ES, whose dimension is that of a hyperparameter space.</summary>
internal static class SymmetricEigen
{
    /// <summary>Decomposes the symmetric <paramref name="matrix"/> (n x n, row-major, left unchanged) into
    /// eigenvalues and eigenvectors (the columns of <paramref name="vectors"/>).</summary>
    public static void Decompose(double[] matrix, int n, double[] values, double[] vectors)
    {
        var a = (double[])matrix.Clone();
        Array.Clear(vectors);
        for (var i = 0; i < n; i++)
        {
            vectors[i * n + i] = 1;
        }

        for (var sweep = 0; sweep < 64; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    off += a[p * n + q] * a[p * n + q];
                }
            }

            if (off < 1e-30)
            {
                break;
            }

            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    Rotate(a, vectors, n, p, q);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            values[i] = a[i * n + i];
        }
    }

    // Zeroes a[p, q] by a plane rotation, applied to both sides of a and accumulated into the eigenvectors.
    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        var apq = a[p * n + q];
        if (Math.Abs(apq) < 1e-300)
        {
            return;
        }

        var theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        if (theta == 0)
        {
            t = 1;
        }

        var c = 1 / Math.Sqrt(t * t + 1);
        var s = t * c;
        for (var k = 0; k < n; k++)
        {
            var akp = a[k * n + p];
            var akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }

        for (var k = 0; k < n; k++)
        {
            var apk = a[p * n + k];
            var aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }

        for (var k = 0; k < n; k++)
        {
            var vkp = v[k * n + p];
            var vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }
}
