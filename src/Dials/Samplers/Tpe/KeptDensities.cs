namespace Dials.Samplers;

/// <summary>A group's good and bad densities as the last proposal fitted them, kept for the next one to update
/// (<see cref="ParzenEstimator.Kept"/>).</summary>
internal sealed class KeptDensities
{
    /// <summary>Held from the fits until both estimators are released, whose arrays are the kept ones; a worker that
    /// finds it taken fits afresh instead of waiting.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The good (below) density.</summary>
    public ParzenEstimator.Kept Good { get; } = new();

    /// <summary>The bad (above) density.</summary>
    public ParzenEstimator.Kept Bad { get; } = new();
}
