namespace Dials.Samplers;

/// <summary>A point a sampler proposes, with the strategy that proposed it and why: what the study records with the
/// trial, so that a study can be audited afterwards (which strategy chose each trial, and on what grounds).</summary>
/// <param name="Point">One internal value per dimension, as <see cref="ISampler.Sample"/> returns.</param>
/// <param name="Strategy">A short name of the strategy that chose the point (<c>GP</c>, <c>TPE</c>,
/// <c>random start-up</c>, ...), shown in tables.</param>
/// <param name="Reason">Why that strategy was used for this trial, in a sentence; null when there is nothing to add.</param>
public sealed record Proposal(double[] Point, string Strategy, string? Reason = null);
