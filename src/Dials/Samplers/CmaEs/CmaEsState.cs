namespace Dials.Samplers;

/// <summary>
/// The state of a (mu/mu_w, lambda) CMA-ES run in the unit cube (Hansen's tutorial formulation): mean, step size,
/// covariance and evolution paths. It is rebuilt from the trial history on every proposal by telling it each
/// finished generation in turn, so nothing about it needs storing.
/// </summary>
internal sealed class CmaEsState
{
    private readonly int n;
    private readonly double[] weights;
    private readonly double muEffective;
    private readonly double cSigma, dSigma, cC, c1, cMu, expectedNorm;
    private readonly double[] mean;
    private readonly double[] covariance;
    private readonly double[] eigenVectors;
    private readonly double[] eigenRoots;
    private readonly double[] pathSigma;
    private readonly double[] pathC;
    private double sigma;
    private int generation;

    public CmaEsState(double[] mean, double sigma, int populationSize)
    {
        n = mean.Length;
        PopulationSize = populationSize;
        var mu = populationSize / 2;
        weights = new double[mu];
        var total = 0.0;
        for (var i = 0; i < mu; i++)
        {
            weights[i] = Math.Log((populationSize + 1) / 2.0) - Math.Log(i + 1);
            total += weights[i];
        }

        var squares = 0.0;
        for (var i = 0; i < mu; i++)
        {
            weights[i] /= total;
            squares += weights[i] * weights[i];
        }

        muEffective = 1 / squares;
        cSigma = (muEffective + 2) / (n + muEffective + 5);
        dSigma = 1 + 2 * Math.Max(0, Math.Sqrt((muEffective - 1) / (n + 1)) - 1) + cSigma;
        cC = (4 + muEffective / n) / (n + 4 + 2 * muEffective / n);
        c1 = 2 / ((n + 1.3) * (n + 1.3) + muEffective);
        cMu = Math.Min(1 - c1, 2 * (muEffective - 2 + 1 / muEffective) / ((n + 2) * (n + 2) + muEffective));
        expectedNorm = Math.Sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));

        this.mean = (double[])mean.Clone();
        this.sigma = sigma;
        covariance = new double[n * n];
        eigenVectors = new double[n * n];
        eigenRoots = new double[n];
        for (var i = 0; i < n; i++)
        {
            covariance[i * n + i] = 1;
            eigenVectors[i * n + i] = 1;
            eigenRoots[i] = 1;
        }

        pathSigma = new double[n];
        pathC = new double[n];
    }

    /// <summary>Candidates per generation (lambda).</summary>
    public int PopulationSize { get; }

    /// <summary>Whether the run has converged or degenerated, so that a restart would serve better: the search
    /// distribution is narrower than any meaningful difference in the unit cube, the covariance is ill-conditioned,
    /// or a generation's values are all equal.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>A candidate drawn from the search distribution, inside the unit cube (resampled a few times when it
    /// falls outside, then clipped).</summary>
    public double[] Ask(TrialRandom random)
    {
        var x = new double[n];
        var z = new double[n];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            for (var i = 0; i < n; i++)
            {
                z[i] = eigenRoots[i] * random.NextGaussian();
            }

            var inside = true;
            for (var i = 0; i < n; i++)
            {
                var y = 0.0;
                for (var j = 0; j < n; j++)
                {
                    y += eigenVectors[i * n + j] * z[j];
                }

                x[i] = mean[i] + sigma * y;
                inside &= x[i] is >= 0 and <= 1;
            }

            if (inside)
            {
                return x;
            }
        }

        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Clamp(x[i], 0, 1);
        }

        return x;
    }

    /// <summary>Updates the distribution from one generation: <paramref name="points"/> (unit-cube positions) and
    /// their <paramref name="values"/> (smaller is better), <see cref="PopulationSize"/> of each.</summary>
    public void Tell(IReadOnlyList<double[]> points, IReadOnlyList<double> values)
    {
        var order = new int[points.Count];
        var sortedValues = new double[points.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            sortedValues[i] = values[i];
        }

        Array.Sort(sortedValues, order);
        generation++;

        // Steps of the selected candidates from the old mean, in units of the old step size.
        var steps = new double[weights.Length][];
        var meanStep = new double[n];
        for (var r = 0; r < weights.Length; r++)
        {
            var x = points[order[r]];
            var step = steps[r] = new double[n];
            for (var i = 0; i < n; i++)
            {
                step[i] = (x[i] - mean[i]) / sigma;
                meanStep[i] += weights[r] * step[i];
            }
        }

        for (var i = 0; i < n; i++)
        {
            mean[i] += sigma * meanStep[i];
        }

        // Cumulative step-size adaptation, on the whitened mean step.
        var whitened = InverseSquareRootTimes(meanStep);
        var sigmaRate = Math.Sqrt(cSigma * (2 - cSigma) * muEffective);
        var norm = 0.0;
        for (var i = 0; i < n; i++)
        {
            pathSigma[i] = (1 - cSigma) * pathSigma[i] + sigmaRate * whitened[i];
            norm += pathSigma[i] * pathSigma[i];
        }

        norm = Math.Sqrt(norm);
        // While the step-size path is long (sigma is still growing fast) the rank-one path update is paused, so
        // that the covariance does not stretch along a transient direction.
        var pathShort = norm / Math.Sqrt(1 - Math.Pow(1 - cSigma, 2 * generation)) < (1.4 + 2.0 / (n + 1)) * expectedNorm;
        var h = pathShort ? 1.0 : 0.0;
        var cRate = Math.Sqrt(cC * (2 - cC) * muEffective);
        for (var i = 0; i < n; i++)
        {
            pathC[i] = (1 - cC) * pathC[i] + h * cRate * meanStep[i];
        }

        // Rank-one update from the evolution path plus rank-mu update from the selected steps.
        var keep = 1 - c1 - cMu + (1 - h) * c1 * cC * (2 - cC);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var rankMu = 0.0;
                for (var r = 0; r < weights.Length; r++)
                {
                    rankMu += weights[r] * steps[r][i] * steps[r][j];
                }

                var value = keep * covariance[i * n + j] + c1 * pathC[i] * pathC[j] + cMu * rankMu;
                covariance[i * n + j] = value;
                covariance[j * n + i] = value;
            }
        }

        sigma *= Math.Exp(Math.Min(1, (cSigma / dSigma) * (norm / expectedNorm - 1)));
        sigma = Math.Clamp(sigma, 1e-12, 1e3);
        SymmetricEigen.Decompose(covariance, n, eigenRoots, eigenVectors);
        var largest = 0.0;
        var smallest = double.PositiveInfinity;
        for (var i = 0; i < n; i++)
        {
            eigenRoots[i] = Math.Sqrt(Math.Max(eigenRoots[i], 1e-20));
            largest = Math.Max(largest, eigenRoots[i]);
            smallest = Math.Min(smallest, eigenRoots[i]);
        }

        Exhausted = sigma * largest < 1e-6
            || largest / smallest > 1e7
            || sortedValues[^1] - sortedValues[0] <= 1e-12 * Math.Max(1, Math.Abs(sortedValues[0]));
    }

    // C^(-1/2) v = B D^-1 B^T v.
    private double[] InverseSquareRootTimes(double[] v)
    {
        var projected = new double[n];
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += eigenVectors[i * n + j] * v[i];
            }

            projected[j] = sum / eigenRoots[j];
        }

        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += eigenVectors[i * n + j] * projected[j];
            }

            result[i] = sum;
        }

        return result;
    }
}
