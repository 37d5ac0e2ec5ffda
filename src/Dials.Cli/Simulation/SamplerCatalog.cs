using Dials.Samplers;

namespace Dials.Cli.Simulation;

/// <summary>The search strategies the simulator knows, by command-line name.</summary>
public static class SamplerCatalog
{
    private static readonly Dictionary<string, Func<int, SearchSpace, int, ISampler>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grid"] = (seed, space, trials) => new GridSampler(floatPoints: GridPointsFor(space, trials), seed: seed),
        ["random"] = (seed, _, _) => new RandomSampler(seed: seed),
        ["qmc"] = (seed, _, _) => new QmcSampler(seed: seed),
        ["tpe"] = (seed, _, _) => new TpeSampler(seed: seed),
        ["tpe-uni"] = (seed, _, _) => new TpeSampler(seed: seed, multivariate: false),
        ["gp"] = (seed, _, _) => new GpSampler(seed: seed),
        ["auto"] = (seed, _, _) => new AutoSampler(seed: seed),
        ["cmaes"] = (seed, _, _) => new CmaEsSampler(seed: seed),
        ["cmaes-ipop"] = (seed, _, _) => new CmaEsSampler(seed: seed, restarts: true),
    };

    /// <summary>The known names.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>A fresh sampler named <paramref name="name"/>, seeded with <paramref name="seed"/>, for a study of
    /// <paramref name="trials"/> trials of <paramref name="space"/> (the grid is sized to the budget).</summary>
    /// <exception cref="ArgumentException">No strategy has that name.</exception>
    public static ISampler Create(string name, int seed, SearchSpace space, int trials) =>
        Factories.TryGetValue(name, out var factory)
            ? factory(seed, space, trials)
            : throw new ArgumentException($"Unknown sampler '{name}'; known: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>The most points per continuous dimension such that the whole grid (discrete dimensions counted
    /// with all their values) fits the trial budget; at least 2.</summary>
    public static int GridPointsFor(SearchSpace space, int trials)
    {
        var continuous = space.Dimensions.Count(d => !d.IsDiscrete);
        var discrete = space.Dimensions.Where(d => d.IsDiscrete).Aggregate(1.0, (product, d) => product * d.Count);
        if (continuous == 0)
        {
            return 2;
        }

        var points = (int)Math.Floor(Math.Pow(trials / discrete, 1.0 / continuous) + 1e-9);
        return Math.Max(2, points);
    }
}
