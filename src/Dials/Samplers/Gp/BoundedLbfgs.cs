namespace Dials.Samplers.Gp;

/// <summary>The function <see cref="BoundedLbfgs"/> minimises: its value at x, with the gradient written to the span
/// (the value may be +∞ where the function is undefined; the line search then backs off).</summary>
internal delegate double ObjectiveWithGradient(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>
/// Limited-memory BFGS inside a box, by projection: the quasi-Newton direction is computed over the coordinates that are
/// free (not held at a bound by a gradient pointing out of the box), steps are projected back into the box, and a
/// backtracking line search keeps the Armijo decrease. Serves the GP's two small problems: the hyperparameter fit
/// (a dozen log-parameters) and the local refinement of the acquisition (the continuous inputs in the unit box).
/// </summary>
internal static class BoundedLbfgs
{
    private const int Memory = 10;

    /// <summary>Minimises <paramref name="f"/> from <paramref name="x"/> (updated in place) within
    /// [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <param name="f">The function with its gradient.</param>
    /// <param name="x">The start, projected into the box first; the best point found on return.</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="upper">Upper bounds.</param>
    /// <param name="gradientTolerance">Stop once no free coordinate's gradient exceeds this in magnitude.</param>
    /// <param name="maxIterations">Stop after this many iterations.</param>
    /// <returns>The value at the returned point and the number of function evaluations.</returns>
    public static (double Value, int Evaluations) Minimize(ObjectiveWithGradient f, double[] x, ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper, double gradientTolerance, int maxIterations)
    {
        var n = x.Length;
        Project(x, lower, upper);
        var g = new double[n];
        var fx = f(x, g);
        var evaluations = 1;
        if (!double.IsFinite(fx))
        {
            return (fx, evaluations);
        }

        var s = new List<double[]>(Memory);
        var y = new List<double[]>(Memory);
        var direction = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var free = new bool[n];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var largest = 0.0;
            for (var i = 0; i < n; i++)
            {
                free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
                largest = free[i] ? Math.Max(largest, Math.Abs(g[i])) : largest;
            }

            if (largest <= gradientTolerance)
            {
                break;
            }

            TwoLoopDirection(g, free, s, y, direction);
            var slope = Dot(direction, g);
            if (!(slope < 0))
            {
                // The memory points uphill (it was built on another free set): fall back to steepest descent.
                s.Clear();
                y.Clear();
                for (var i = 0; i < n; i++)
                {
                    direction[i] = free[i] ? -g[i] : 0;
                }
            }

            // The first step of steepest descent is scaled to move about 1 unit at most, as quasi-Newton steps do.
            var step = s.Count == 0 ? Math.Min(1, 1 / Math.Sqrt(Dot(direction, direction))) : 1.0;
            var accepted = false;
            double fTrial = double.NaN;
            for (var backtrack = 0; backtrack < 30; backtrack++, step *= 0.5)
            {
                for (var i = 0; i < n; i++)
                {
                    trial[i] = Math.Clamp(x[i] + step * direction[i], lower[i], upper[i]);
                }

                fTrial = f(trial, trialGradient);
                evaluations++;
                var decrease = 0.0;
                for (var i = 0; i < n; i++)
                {
                    decrease += g[i] * (trial[i] - x[i]);
                }

                if (double.IsFinite(fTrial) && fTrial <= fx + 1e-4 * decrease)
                {
                    accepted = true;
                    break;
                }
            }

            if (!accepted)
            {
                break;
            }

            var sNew = new double[n];
            var yNew = new double[n];
            for (var i = 0; i < n; i++)
            {
                sNew[i] = trial[i] - x[i];
                yNew[i] = trialGradient[i] - g[i];
            }

            if (Dot(sNew, yNew) > 1e-12 * Math.Max(Dot(yNew, yNew), 1e-300))
            {
                if (s.Count == Memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                }

                s.Add(sNew);
                y.Add(yNew);
            }

            var improvement = fx - fTrial;
            Array.Copy(trial, x, n);
            Array.Copy(trialGradient, g, n);
            fx = fTrial;
            if (improvement <= 1e-12 * Math.Max(1, Math.Abs(fx)))
            {
                break;
            }
        }

        return (fx, evaluations);
    }

    private static void TwoLoopDirection(double[] g, bool[] free, List<double[]> s, List<double[]> y, double[] direction)
    {
        var n = g.Length;
        for (var i = 0; i < n; i++)
        {
            direction[i] = free[i] ? -g[i] : 0;
        }

        var rho = new double[s.Count];
        var a = new double[s.Count];
        for (var k = s.Count - 1; k >= 0; k--)
        {
            rho[k] = 1 / Dot(y[k], s[k]);
            a[k] = rho[k] * Dot(s[k], direction);
            Axpy(-a[k], y[k], direction, free);
        }

        if (s.Count > 0)
        {
            var last = s.Count - 1;
            var gamma = Dot(s[last], y[last]) / Dot(y[last], y[last]);
            for (var i = 0; i < n; i++)
            {
                direction[i] *= gamma;
            }
        }

        for (var k = 0; k < s.Count; k++)
        {
            var b = rho[k] * Dot(y[k], direction);
            Axpy(a[k] - b, s[k], direction, free);
        }
    }

    private static void Axpy(double a, double[] x, double[] y, bool[] free)
    {
        for (var i = 0; i < y.Length; i++)
        {
            if (free[i])
            {
                y[i] += a * x[i];
            }
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Project(double[] x, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Clamp(x[i], lower[i], upper[i]);
        }
    }
}
