namespace Dials.Catalogs;

/// <summary>Which sampler, and the settings a sampler kind may read (each reads its own, the rest are ignored). A null
/// setting takes the sampler's own default, the constant its constructor uses.</summary>
public sealed record SamplerSettings
{
    /// <summary>The kind's name in <see cref="SamplerCatalog.All"/>; the automatic sampler by default.</summary>
    public string Kind { get; init; } = SamplerCatalog.DefaultKind;

    /// <summary>The seed; null for a random one.</summary>
    public int? Seed { get; init; }

    /// <summary>TPE and GP: trials before the model is used (<see cref="Samplers.TpeSampler.DefaultStartupTrials"/>,
    /// <see cref="Samplers.GpSampler.DefaultStartupTrials"/>); the automatic sampler keeps its own.</summary>
    public int? StartupTrials { get; init; }

    /// <summary>Grid: points per continuous dimension (<see cref="Samplers.GridSampler.DefaultFloatPoints"/>).</summary>
    public int? GridPoints { get; init; }

    /// <summary>CMA-ES: the initial step size in the unit cube (<see cref="Samplers.CmaEsSampler.DefaultSigma0"/>).</summary>
    public double? Sigma0 { get; init; }
}
