using System.Diagnostics;
using Dials.Samplers;

namespace Dials.Simulation;

/// <summary>Runs strategies on a test function over several seeds and records best-so-far regret curves.</summary>
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
    public static SimulationResult Run(TestFunction function, IReadOnlyList<string> samplers, int trials, int seeds,
        int parallelism = 1, int firstSeed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seeds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        ArgumentOutOfRangeException.ThrowIfNegative(firstSeed);
        foreach (var name in samplers)
        {
            _ = SimulationSamplers.Create(name, 0, function.Space, trials); // fail fast on an unknown name, before any study runs
        }

        var curves = new List<SamplerCurves>();
        foreach (var name in samplers)
        {
            var regret = new double[seeds][];
            var seconds = new double[seeds];
            var cpuSeconds = parallelism == 1 ? new double[seeds] : null;
            Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, seed =>
            {
                var sampler = SimulationSamplers.Create(name, firstSeed + seed, function.Space, trials);
                var cpuStart = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                regret[seed] = RegretCurve(function, sampler, trials);
                seconds[seed] = clock.Elapsed.TotalSeconds;
                cpuSeconds?[seed] = (Environment.CpuUsage.TotalTime - cpuStart).TotalSeconds;
            });
            curves.Add(new SamplerCurves(name, regret, seconds, cpuSeconds));
        }

        return new SimulationResult(function.Name, function.Optimum, trials, seeds, curves, function.Basin, firstSeed);
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
}
