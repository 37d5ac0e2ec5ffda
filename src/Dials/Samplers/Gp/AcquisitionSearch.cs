using Dials.Samplers.Qmc;

namespace Dials.Samplers.Gp;

/// <summary>
/// Maximises log expected improvement over the modelled inputs: scores a scrambled Sobol set of candidates (rounded to
/// the discrete inputs' levels) in one batch, then refines the best of them, a few more picked at random in proportion
/// to their expected improvement, and the best point observed so far: continuous inputs by bounded L-BFGS in
/// coordinates scaled by their length scales (which equalises the curvature across inputs), discrete and categorical
/// inputs level by level, alternating until neither improves. With constraints, the acquisition is log EI plus the log
/// probability of feasibility (<see cref="ConstraintModels"/>), or that probability alone while no trial is feasible.
/// </summary>
internal sealed class AcquisitionSearch
{
    private const int ExhaustiveLevels = 16;
    private readonly GaussianProcess process;
    private readonly GpFeatures features;
    private readonly double best;
    private readonly bool hasIncumbent;
    private readonly ConstraintModels? constraints;
    private readonly double[] lengthScales;
    private readonly double[] lower;
    private readonly double[] upper;

    /// <summary>A search over <paramref name="process"/>'s inputs for improvement over <paramref name="best"/>.</summary>
    /// <param name="process">The objective's GP.</param>
    /// <param name="features">The inputs.</param>
    /// <param name="best">The incumbent's target; null when there is none (no feasible trial), so that only the
    /// probability of feasibility counts.</param>
    /// <param name="constraints">The constraints' GPs; null when the trials record no constraint.</param>
    public AcquisitionSearch(GaussianProcess process, GpFeatures features, double? best, ConstraintModels? constraints = null)
    {
        this.process = process;
        this.features = features;
        this.best = best ?? 0;
        hasIncumbent = best is not null;
        this.constraints = constraints is { Count: > 0 } ? constraints : null;
        lengthScales = [.. features.ContinuousIndices.Select(j => 1 / Math.Sqrt(process.Hyperparameters.InverseSquaredLengthScales[j]))];
        lower = new double[features.Count];
        upper = new double[features.Count];
    }

    /// <summary>The acquisition at one input: log EI, plus the log probability of feasibility under constraints.</summary>
    public double Value(ReadOnlySpan<double> x)
    {
        var value = 0.0;
        if (hasIncumbent)
        {
            var (mean, variance) = process.Posterior(x);
            value = LogExpectedImprovement.Value(mean, Sigma(variance), best, out _, out _);
        }

        return constraints is null ? value : value + constraints.LogFeasibility(x);
    }

    /// <summary>The best input found, by log EI, that differs from every row of <paramref name="taken"/> (points observed
    /// or being evaluated); null when every candidate tried coincides with one of them.</summary>
    /// <param name="random">The trial's random stream (scramble and roulette).</param>
    /// <param name="candidates">How many Sobol candidates to score.</param>
    /// <param name="localSearches">How many starts to refine (the best candidate, the warm starts, the rest by roulette).</param>
    /// <param name="warmStarts">Inputs to refine in any case (the best observed point).</param>
    /// <param name="taken">Row-major inputs that must not be proposed again.</param>
    /// <param name="takenCount">Rows of <paramref name="taken"/>.</param>
    /// <param name="fixedInputs">The values of the <see cref="GpFeatures.FixedCount"/> leading inputs, which every
    /// candidate takes and the search leaves alone (warm starts must already hold them); null when there are none.</param>
    /// <param name="centre">When set, continuous inputs are searched only within <paramref name="radius"/> of it (a
    /// refinement around a point rather than a search of the whole cube).</param>
    /// <param name="radius">Half the width of the region around <paramref name="centre"/>, in unit-cube coordinates.</param>
    public double[]? Maximize(TrialRandom random, int candidates, int localSearches, IReadOnlyList<double[]> warmStarts,
        double[] taken, int takenCount, double[]? fixedInputs = null, double[]? centre = null, double radius = 0.5)
    {
        SetRegion(centre, radius);
        var d = features.Count;
        var points = new double[candidates * d];
        // Scrambled Sobol points where the table covers the inputs, Halton beyond.
        IQmcSequence sequence = d <= SobolDirections.MaxDimensions ? new SobolSequence(d, random) : new HaltonSequence(d, random);
        var unit = new double[d];
        for (var c = 0; c < candidates; c++)
        {
            sequence.Fill(c, unit);
            for (var j = 0; j < d; j++)
            {
                points[c * d + j] = j < features.FixedCount ? fixedInputs![j]
                    : features.Levels[j] == 0 ? lower[j] + unit[j] * (upper[j] - lower[j])
                    : features.FromUniform(j, unit[j]);
            }
        }

        var means = new double[candidates];
        var variances = new double[candidates];
        process.Posterior(points, candidates, means, variances);
        var scores = new double[candidates];
        var top = 0;
        for (var c = 0; c < candidates && hasIncumbent; c++)
        {
            scores[c] = LogExpectedImprovement.Value(means[c], Sigma(variances[c]), best, out _, out _);
        }

        constraints?.AddLogFeasibility(points, candidates, scores);
        for (var c = 0; c < candidates; c++)
        {
            top = scores[c] > scores[top] ? c : top;
        }

        var starts = new List<double[]> { points.AsSpan(top * d, d).ToArray() };
        starts.AddRange(warmStarts.Select(w => (double[])w.Clone()));
        foreach (var c in Roulette(scores, top, Math.Max(0, localSearches - starts.Count), random))
        {
            starts.Add(points.AsSpan(c * d, d).ToArray());
        }

        var refined = starts.Select(s => (Point: s, Value: Refine(s))).OrderByDescending(r => r.Value).ToList();
        foreach (var (point, _) in refined)
        {
            if (!IsTaken(point, taken, takenCount))
            {
                return point;
            }
        }

        // Every refined start converged onto a point already taken: the best fresh candidate instead.
        foreach (var c in Enumerable.Range(0, candidates).OrderByDescending(c => scores[c]))
        {
            var point = points.AsSpan(c * d, d).ToArray();
            if (!IsTaken(point, taken, takenCount))
            {
                return point;
            }
        }

        return null;
    }

    /// <summary>The box continuous inputs are searched in: the unit cube, or its part within <paramref name="radius"/>
    /// of <paramref name="centre"/>.</summary>
    private void SetRegion(double[]? centre, double radius)
    {
        for (var j = 0; j < features.Count; j++)
        {
            lower[j] = centre is null ? 0 : Math.Max(0, centre[j] - radius);
            upper[j] = centre is null ? 1 : Math.Min(1, centre[j] + radius);
        }
    }

    /// <summary>Improves <paramref name="x"/> in place; returns its log EI.</summary>
    private double Refine(double[] x)
    {
        var value = Value(x);
        for (var round = 0; round < 20; round++)
        {
            var improved = false;
            if (features.ContinuousIndices.Length > 0)
            {
                var candidate = RefineContinuous(x);
                if (candidate.Value > value + 1e-12 * Math.Abs(value))
                {
                    Array.Copy(candidate.Point, x, x.Length);
                    value = candidate.Value;
                    improved = true;
                }
            }

            foreach (var j in features.DiscreteIndices)
            {
                var current = features.LevelOf(j, x[j]);
                var bestLevel = current;
                foreach (var level in LevelsToTry(j, current))
                {
                    var saved = x[j];
                    x[j] = features.AtLevel(j, level);
                    var v = Value(x);
                    x[j] = saved;
                    if (v > value)
                    {
                        value = v;
                        bestLevel = level;
                    }
                }

                if (bestLevel != current)
                {
                    x[j] = features.AtLevel(j, bestLevel);
                    improved = true;
                }
            }

            if (!improved || features.DiscreteIndices.Length == 0)
            {
                break;
            }
        }

        return value;
    }

    private (double[] Point, double Value) RefineContinuous(double[] x)
    {
        var continuous = features.ContinuousIndices;
        var m = continuous.Length;
        var scaled = new double[m];
        var low = new double[m];
        var high = new double[m];
        for (var c = 0; c < m; c++)
        {
            var j = continuous[c];
            low[c] = lower[j] / lengthScales[c];
            high[c] = upper[j] / lengthScales[c];
            scaled[c] = Math.Clamp(x[j] / lengthScales[c], low[c], high[c]);
        }

        var work = (double[])x.Clone();
        var meanGradient = new double[m];
        var varianceGradient = new double[m];
        var feasibilityGradient = new double[m];
        double Negative(ReadOnlySpan<double> z, Span<double> gradient)
        {
            for (var c = 0; c < m; c++)
            {
                work[continuous[c]] = z[c] * lengthScales[c];
            }

            var logEi = 0.0;
            gradient.Clear();
            if (hasIncumbent)
            {
                var (mean, variance) = process.Posterior(work, continuous, meanGradient, varianceGradient);
                var sigma = Sigma(variance);
                logEi = LogExpectedImprovement.Value(mean, sigma, best, out var dMean, out var dSigma);
                for (var c = 0; c < m; c++)
                {
                    var dSigmaDx = variance > 1e-20 ? varianceGradient[c] / (2 * sigma) : 0;
                    gradient[c] = -(dMean * meanGradient[c] + dSigma * dSigmaDx) * lengthScales[c];
                }
            }

            if (constraints is null)
            {
                return -logEi;
            }

            var logFeasibility = constraints.LogFeasibility(work, continuous, feasibilityGradient);
            for (var c = 0; c < m; c++)
            {
                gradient[c] -= feasibilityGradient[c] * lengthScales[c];
            }

            return -(logEi + logFeasibility);
        }

        var (negative, _) = BoundedLbfgs.Minimize(Negative, scaled, low, high, gradientTolerance: 1e-2, maxIterations: 100);
        var result = (double[])x.Clone();
        for (var c = 0; c < m; c++)
        {
            result[continuous[c]] = Math.Clamp(scaled[c] * lengthScales[c], lower[continuous[c]], upper[continuous[c]]);
        }

        return (result, double.IsFinite(negative) ? Value(result) : double.NegativeInfinity);
    }

    /// <summary>Every level when there are few; otherwise the neighbours at distances 1, 2, 4, ... either side.</summary>
    private IEnumerable<int> LevelsToTry(int j, int current)
    {
        var levels = features.Levels[j];
        if (levels <= ExhaustiveLevels)
        {
            return Enumerable.Range(0, levels).Where(l => l != current);
        }

        var near = new List<int>();
        for (var step = 1; step < levels; step *= 2)
        {
            if (current - step >= 0)
            {
                near.Add(current - step);
            }

            if (current + step < levels)
            {
                near.Add(current + step);
            }
        }

        return near;
    }

    private bool IsTaken(double[] point, double[] taken, int takenCount)
    {
        var d = features.Count;
        // Compared as the configurations they decode to: a failed trial's point came back from a nearby input of a
        // wide integer range, proposed again and again, until this compared decoded values.
        var decoded = new double[d];
        for (var j = 0; j < d; j++)
        {
            decoded[j] = features.Canonical(j, point[j]);
        }

        for (var t = 0; t < takenCount; t++)
        {
            var same = true;
            for (var j = 0; j < d && same; j++)
            {
                same = Math.Abs(decoded[j] - taken[t * d + j]) <= 1e-9;
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Picks up to <paramref name="count"/> distinct candidates other than <paramref name="top"/> with
    /// probability proportional to EI (exp of the log EI relative to the best).</summary>
    private static List<int> Roulette(double[] scores, int top, int count, TrialRandom random)
    {
        var weights = new double[scores.Length];
        var total = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            weights[c] = c == top ? 0 : Math.Exp(scores[c] - scores[top]);
            total += weights[c];
        }

        var chosen = new List<int>(count);
        while (chosen.Count < count && total > 1e-300)
        {
            var target = random.NextDouble() * total;
            var c = 0;
            for (; c < weights.Length - 1 && target >= weights[c]; c++)
            {
                target -= weights[c];
            }

            if (weights[c] <= 0)
            {
                break;
            }

            chosen.Add(c);
            total -= weights[c];
            weights[c] = 0;
        }

        return chosen;
    }

    private static double Sigma(double variance) => Math.Sqrt(Math.Max(variance, 1e-20));
}
