using System.Diagnostics;
using Dials.Samplers;

namespace Dials.Simulation;

/// <summary>Runs strategies on a test function over several seeds and records best-so-far regret curves, or on a
/// multi-objective problem and records hypervolume curves.</summary>
public static class SimulationRunner
{
    /// <summary>Runs every sampler in <paramref name="samplers"/> for <paramref name="seeds"/> studies (seeds
    /// <paramref name="firstSeed"/>, <paramref name="firstSeed"/> + 1, ...) of <paramref name="trials"/> trials on
    /// <paramref name="function"/>.</summary>
    /// <param name="function">The function to minimise.</param>
    /// <param name="samplers">Strategy names (see <see cref="Catalogs.SamplerCatalog"/>).</param>
    /// <param name="trials">Trials per study.</param>
    /// <param name="seeds">Studies per strategy.</param>
    /// <param name="parallelism">How many studies run at once (they share the cores, so per-study seconds compare
    /// with another tool's only at 1, and CPU seconds are recorded only then).</param>
    /// <param name="firstSeed">The first seed; held-out seeds (say 100 and up) keep choices apart from reported ones.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive, or the first seed is negative.</exception>
    /// <exception cref="ArgumentException">A sampler name is unknown (checked before any study runs).</exception>
    public static SimulationResult Run(TestFunction function, IReadOnlyList<string> samplers, int trials, int seeds,
        int parallelism = 1, int firstSeed = 0)
    {
        ArgumentNullException.ThrowIfNull(function);
        var curves = RunAll(function.Space, samplers, trials, seeds, parallelism, firstSeed, sampler => RegretCurve(function, sampler, trials));
        return new SimulationResult(function.Name, function.Optimum, trials, seeds, curves, function.Basin, firstSeed);
    }

    /// <summary>Runs every sampler in <paramref name="samplers"/> for <paramref name="seeds"/> multi-objective studies
    /// of <paramref name="trials"/> trials on <paramref name="problem"/> and records each study's hypervolume over
    /// trials (<see cref="HypervolumeCurve"/>) at the problem's reference point.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="samplers">Strategy names (see <see cref="Catalogs.SamplerCatalog"/>).</param>
    /// <param name="trials">Trials per study.</param>
    /// <param name="seeds">Studies per strategy.</param>
    /// <param name="parallelism">How many studies run at once (CPU seconds are recorded only at 1).</param>
    /// <param name="firstSeed">The first seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is not positive, or the first seed is negative.</exception>
    /// <exception cref="ArgumentException">A sampler name is unknown, or the sampler cannot serve a study of several
    /// objectives (the message names it); checked before any study runs.</exception>
    public static SimulationResult Run(MultiObjectiveProblem problem, IReadOnlyList<string> samplers, int trials, int seeds,
        int parallelism = 1, int firstSeed = 0)
    {
        ArgumentNullException.ThrowIfNull(problem);
        CheckSamplers(problem, samplers, trials);
        var curves = RunAll(problem.Space, samplers, trials, seeds, parallelism, firstSeed, sampler => HypervolumeCurve(problem, sampler, trials));
        return new SimulationResult(problem.Name, problem.OptimalHypervolume, trials, seeds, curves, FirstSeed: firstSeed)
        {
            Measure = CurveMeasure.Hypervolume,
            Reference = problem.Reference,
        };
    }

    /// <summary>Checks that every sampler named exists and can serve a study of <paramref name="problem"/>, as the
    /// study itself checks it when created.</summary>
    /// <exception cref="ArgumentException">A name is unknown, or the sampler cannot serve several objectives (the
    /// message names it, the problem and the study's reason).</exception>
    public static void CheckSamplers(MultiObjectiveProblem problem, IReadOnlyList<string> samplers, int trials)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(samplers);
        foreach (var name in samplers)
        {
            var sampler = SimulationSamplers.Create(name, 0, problem.Space, trials); // an unknown name has its own error
            try
            {
                _ = StudyLoop.Create(problem, sampler);
            }
            catch (ArgumentException e)
            {
                var serving = Catalogs.SamplerCatalog.All.Names
                    .Where(n => SimulationSamplers.Create(n, 0, problem.Space, trials) is IMultiObjectiveSampler);
                throw new ArgumentException(
                    $"Sampler '{name}' cannot run {problem.Name}, a problem of {problem.Objectives} objectives: the study refuses " +
                    $"{sampler.GetType().Name}, which optimizes one objective. Samplers that serve several objectives: {string.Join(", ", serving)}.",
                    nameof(samplers), e);
            }
        }
    }

    /// <summary>One study's best-so-far regret after each trial.</summary>
    public static double[] RegretCurve(TestFunction function, ISampler sampler, int trials)
    {
        var values = StudyLoop.Run(function, sampler, trials);
        var curve = new double[trials];
        var best = double.PositiveInfinity;
        for (var t = 0; t < trials; t++)
        {
            best = Math.Min(best, values[t]);
            curve[t] = Math.Max(best - function.Optimum, 0);
        }

        return curve;
    }

    /// <summary>One multi-objective study's hypervolume at the problem's reference point after each trial.</summary>
    public static double[] HypervolumeCurve(MultiObjectiveProblem problem, ISampler sampler, int trials)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Simulation.HypervolumeCurve.Of(StudyLoop.Run(problem, sampler, trials), problem.Reference, problem.Directions);
    }

    // The loop both measures share: every sampler, every seed, each study timed (wall-clock, and CPU when alone).
    private static List<SamplerCurves> RunAll(SearchSpace space, IReadOnlyList<string> samplers, int trials, int seeds,
        int parallelism, int firstSeed, Func<ISampler, double[]> curve)
    {
        ArgumentNullException.ThrowIfNull(samplers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seeds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        ArgumentOutOfRangeException.ThrowIfNegative(firstSeed);
        foreach (var name in samplers)
        {
            _ = SimulationSamplers.Create(name, 0, space, trials); // fail fast on an unknown name, before any study runs
        }

        var curves = new List<SamplerCurves>();
        foreach (var name in samplers)
        {
            var values = new double[seeds][];
            var seconds = new double[seeds];
            var cpuSeconds = parallelism == 1 ? new double[seeds] : null;
            Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, seed =>
            {
                var sampler = SimulationSamplers.Create(name, firstSeed + seed, space, trials);
                var cpuStart = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                values[seed] = curve(sampler);
                seconds[seed] = clock.Elapsed.TotalSeconds;
                cpuSeconds?[seed] = (Environment.CpuUsage.TotalTime - cpuStart).TotalSeconds;
            });
            curves.Add(new SamplerCurves(name, values, seconds, cpuSeconds));
        }

        return curves;
    }
}
