namespace Dials.Analysis;

/// <summary>Settings of the sensitivity sweeps.</summary>
public sealed class SensitivityOptions
{
    /// <summary>Points per continuous dimension (discrete ones with fewer values take all of them); 15 by default.</summary>
    public int Points { get; init; } = 15;

    /// <summary>How much worse than the centre a score may be and still count as not degraded, as a fraction of the
    /// centre's magnitude (or of the study's value range when <see cref="Absolute"/> is unset and the centre is 0);
    /// 0.01 (1%) by default.</summary>
    public double Tolerance { get; init; } = 0.01;

    /// <summary>When set, <see cref="Tolerance"/> is in the objective's own units instead of relative.</summary>
    public bool Absolute { get; init; }

    /// <summary>Seed of the surrogate, for sweeps predicted from trials.</summary>
    public int Seed { get; init; }
}
