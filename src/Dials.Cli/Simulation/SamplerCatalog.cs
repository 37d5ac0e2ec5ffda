using Dials.Samplers;

namespace Dials.Cli.Simulation;

/// <summary>The search strategies the simulator knows, by command-line name.</summary>
public static class SamplerCatalog
{
    private static readonly Dictionary<string, Func<int, ISampler>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["random"] = seed => new RandomSampler(seed: seed),
        ["tpe"] = seed => new TpeSampler(seed: seed),
        ["tpe-uni"] = seed => new TpeSampler(seed: seed, multivariate: false),
        ["cmaes"] = seed => new CmaEsSampler(seed: seed),
    };

    /// <summary>The known names.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>A fresh sampler named <paramref name="name"/>, seeded with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">No strategy has that name.</exception>
    public static ISampler Create(string name, int seed) =>
        Factories.TryGetValue(name, out var factory)
            ? factory(seed)
            : throw new ArgumentException($"Unknown sampler '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
}
