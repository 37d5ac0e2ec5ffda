using System.ComponentModel;

namespace Dials.Catalogs;

/// <summary>Which sampler, and the settings a sampler kind may read (each reads its own, the rest are ignored). A null
/// setting takes the sampler's own default, the constant its constructor uses.</summary>
public sealed record SamplerSettings
{
    /// <summary>Which sampler: a name from <see cref="SamplerKinds"/> (case, <c>-</c> and <c>_</c> ignored).</summary>
    [DefaultValue(SamplerKinds.Auto)]
    public string Kind { get; init; } = SamplerCatalog.DefaultKind;

    /// <summary>The seed; null for a random one.</summary>
    public int? Seed { get; init; }

    /// <summary>TPE and GP: trials before the model is used (TPE's default <see cref="Samplers.TpeSampler.DefaultStartupTrials"/>,
    /// GP's <see cref="Samplers.GpSampler.DefaultStartupTrials"/>); the automatic sampler keeps its own.</summary>
    public int? StartupTrials { get; init; }

    /// <summary>Grid: points per continuous dimension (default <see cref="Samplers.GridSampler.DefaultFloatPoints"/>).</summary>
    public int? GridPoints { get; init; }

    /// <summary>CMA-ES: the initial step size in the unit cube (default <see cref="Samplers.CmaEsSampler.DefaultSigma0"/>).</summary>
    public double? Sigma0 { get; init; }

    /// <summary>NSGA-II: trials per generation (default <see cref="Samplers.NsgaIISampler.DefaultPopulationSize"/>).</summary>
    public int? PopulationSize { get; init; }
}
