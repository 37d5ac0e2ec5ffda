namespace Dials.Cli.Simulation;

/// <summary>The best-so-far regret curves of one strategy on one function, one per seed, and what each study cost.</summary>
/// <param name="Sampler">The strategy's name.</param>
/// <param name="Regret">Per seed, per trial (index = trials so far - 1), best value found minus the optimum.</param>
/// <param name="StudySeconds">Per seed, the wall-clock seconds of the whole study (every ask, evaluation and
/// tell; not creating the sampler), the figure Optuna's <c>study.optimize</c> is timed by in the reference runs.</param>
/// <param name="StudyCpuSeconds">Per seed, the CPU seconds the process spent during the study, or null. The process
/// clock cannot tell concurrent studies apart, so it is recorded only when studies ran one at a time; on a shared,
/// loaded machine it moves much less than wall-clock time.</param>
public sealed record SamplerCurves(string Sampler, double[][] Regret, double[] StudySeconds, double[]? StudyCpuSeconds = null)
{
    /// <summary>The median wall-clock seconds of one study.</summary>
    public double MedianStudySeconds => Quantile(StudySeconds, 0.5);

    /// <summary>The median CPU seconds of one study, or null when they were not recorded.</summary>
    public double? MedianStudyCpuSeconds => StudyCpuSeconds is null ? null : Quantile(StudyCpuSeconds, 0.5);

    /// <summary>The median regret over seeds after <paramref name="trials"/> trials.</summary>
    public double MedianAt(int trials) => QuantileAt(trials, 0.5);

    /// <summary>The <paramref name="q"/>-quantile (linear interpolation) of the regret over seeds after
    /// <paramref name="trials"/> trials.</summary>
    public double QuantileAt(int trials, double q)
    {
        var values = new double[Regret.Length];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = Regret[s][trials - 1];
        }

        return Quantile(values, q);
    }

    /// <summary>The <paramref name="q"/>-quantile of <paramref name="values"/>, interpolating linearly between
    /// order statistics (the rule NumPy and Python's statistics.median use).</summary>
    public static double Quantile(double[] values, double q)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}

/// <summary>What a simulation of several strategies on one function produced.</summary>
/// <param name="Function">The function's name.</param>
/// <param name="Optimum">Its known minimum.</param>
/// <param name="Trials">Trials per study.</param>
/// <param name="Seeds">Studies (seeds 0 to Seeds - 1) per strategy.</param>
/// <param name="Samplers">The curves, one entry per strategy in the order asked.</param>
public sealed record SimulationResult(string Function, double Optimum, int Trials, int Seeds, IReadOnlyList<SamplerCurves> Samplers)
{
    /// <summary>The trial counts a summary reports: 10, 25, 50, 100, 200 and every further doubling, up to the
    /// number of trials run.</summary>
    public IReadOnlyList<int> Checkpoints
    {
        get
        {
            var checkpoints = new List<int>();
            foreach (var c in (int[])[10, 25, 50, 100])
            {
                if (c <= Trials)
                {
                    checkpoints.Add(c);
                }
            }

            for (var c = 200; c <= Trials; c *= 2)
            {
                checkpoints.Add(c);
            }

            if (checkpoints.Count == 0 || checkpoints[^1] != Trials)
            {
                checkpoints.Add(Trials);
            }

            return checkpoints;
        }
    }
}
