namespace Dials.Simulation;

/// <summary>The curves of one strategy on one function or problem, one per seed (best-so-far regret, or hypervolume:
/// see <see cref="SimulationResult.Measure"/>), and what each study cost.</summary>
/// <param name="Sampler">The strategy's name.</param>
/// <param name="Values">Per seed, per trial (index = trials so far - 1), the measure: best value found minus the
/// optimum, or the hypervolume of the feasible complete trials so far.</param>
/// <param name="StudySeconds">Per seed, the wall-clock seconds of the whole study (every ask, evaluation and
/// tell; not creating the sampler), the figure Optuna's <c>study.optimize</c> is timed by in the reference runs.</param>
/// <param name="StudyCpuSeconds">Per seed, the CPU seconds the process spent during the study, or null. The process
/// clock cannot tell concurrent studies apart, so it is recorded only when studies ran one at a time; on a shared,
/// loaded machine it moves much less than wall-clock time.</param>
public sealed record SamplerCurves(string Sampler, double[][] Values, double[] StudySeconds, double[]? StudyCpuSeconds = null)
{
    /// <summary>The median wall-clock seconds of one study.</summary>
    public double MedianStudySeconds => Quantile(StudySeconds, 0.5);

    /// <summary>The median CPU seconds of one study, or null when they were not recorded.</summary>
    public double? MedianStudyCpuSeconds => StudyCpuSeconds is null ? null : Quantile(StudyCpuSeconds, 0.5);

    /// <summary>The median over seeds after <paramref name="trials"/> trials.</summary>
    public double MedianAt(int trials) => QuantileAt(trials, 0.5);

    /// <summary>The <paramref name="q"/>-quantile (linear interpolation) over seeds of the measure after
    /// <paramref name="trials"/> trials.</summary>
    public double QuantileAt(int trials, double q)
    {
        var values = new double[Values.Length];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = Values[s][trials - 1];
        }

        return Quantile(values, q);
    }

    /// <summary>Per seed, how many trials it took until the regret fell below <paramref name="regret"/>; null for a
    /// seed that never got there.</summary>
    public int?[] TrialsBelow(double regret) =>
        [.. Values.Select(curve => Array.FindIndex(curve, r => r < regret) is var i and >= 0 ? i + 1 : (int?)null)];

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

/// <summary>What a simulation of several strategies on one function (or multi-objective problem) produced.</summary>
/// <param name="Function">The function's or problem's name.</param>
/// <param name="Optimum">The function's known minimum; for <see cref="CurveMeasure.Hypervolume"/>, the optimal
/// hypervolume (that of the true Pareto front at <see cref="Reference"/>).</param>
/// <param name="Trials">Trials per study.</param>
/// <param name="Seeds">Studies (seeds FirstSeed to FirstSeed + Seeds - 1) per strategy.</param>
/// <param name="Samplers">The curves, one entry per strategy in the order asked.</param>
/// <param name="Basin">The function's basin value (see <see cref="TestFunction.Basin"/>), if it has one.</param>
/// <param name="FirstSeed">The first seed run.</param>
public sealed record SimulationResult(string Function, double Optimum, int Trials, int Seeds, IReadOnlyList<SamplerCurves> Samplers,
    double? Basin = null, int FirstSeed = 0)
{
    /// <summary>What the curves measure: regret unless set.</summary>
    public CurveMeasure Measure { get; init; } = CurveMeasure.Regret;

    /// <summary>For <see cref="CurveMeasure.Hypervolume"/>, the reference point the hypervolume is measured against
    /// (all objectives minimised); null for regret.</summary>
    public IReadOnlyList<double>? Reference { get; init; }

    /// <summary>How far a value of the curves is from the best possible, 0 at best: the regret itself, or the
    /// optimal hypervolume less the hypervolume (never below 0). The tables bold the smallest gap of a column and the
    /// charts plot it on a log scale, so one rule serves both measures.</summary>
    public double Gap(double value) => Measure == CurveMeasure.Hypervolume ? Math.Max(Optimum - value, 0) : value;

    /// <summary>For <see cref="CurveMeasure.Hypervolume"/>, a hypervolume as a fraction of the optimal one; null
    /// for regret.</summary>
    public double? Fraction(double value) => Measure == CurveMeasure.Hypervolume ? value / Optimum : null;

    /// <summary>For a function with a basin, per seed the trials a strategy took to get a value below it (null for a
    /// seed that never did); null for a function without one.</summary>
    public int?[]? TrialsToBasin(SamplerCurves curves) => Basin is { } basin ? curves.TrialsBelow(basin - Optimum) : null;

    /// <summary>For a function with a basin, the median over seeds of the trials a strategy took to reach it, a seed
    /// that never did counting as <see cref="Trials"/> + 1, and how many seeds reached it; null without a basin.</summary>
    public (double Median, int Reached)? BasinSummary(SamplerCurves curves)
    {
        if (TrialsToBasin(curves) is not { } trials)
        {
            return null;
        }

        var capped = trials.Select(t => (double)(t ?? Trials + 1)).ToArray();
        return (SamplerCurves.Quantile(capped, 0.5), trials.Count(t => t is not null));
    }

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
