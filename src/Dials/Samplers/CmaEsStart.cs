namespace Dials.Samplers;

/// <summary>Where <see cref="CmaEsSampler"/> centres its first search distribution.</summary>
public enum CmaEsStart
{
    /// <summary>The centre of the space (in each dimension's unit scale, so log-aware).</summary>
    Center,

    /// <summary>The space's default point (the hyperparameters' declared defaults).</summary>
    Default,

    /// <summary>A point drawn uniformly from the space by the sampler's seed.</summary>
    Random,
}
