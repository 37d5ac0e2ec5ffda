using Dials.Catalogs;
using Dials.Samplers;

namespace Dials.Simulation;

/// <summary>The simulator's samplers: any kind of <see cref="SamplerCatalog"/>, with the grid sized to the budget.</summary>
public static class SimulationSamplers
{
    /// <summary>A fresh sampler of the kind named <paramref name="name"/>, seeded with <paramref name="seed"/>, for a
    /// study of <paramref name="trials"/> trials of <paramref name="space"/> (the grid is sized to the budget).</summary>
    /// <exception cref="ArgumentException">No sampler has that name.</exception>
    public static ISampler Create(string name, int seed, SearchSpace space, int trials) =>
        SamplerCatalog.All.Create(name, new SamplerSettings { Kind = name, Seed = seed, GridPoints = GridPointsFor(space, trials) });

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
