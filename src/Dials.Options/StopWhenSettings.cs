namespace Dials.Options;

/// <summary>When a tuning run stops before its trial budget (<c>Tuning:StopWhen</c>): after <see cref="Patience"/>
/// complete trials in a row that did not improve the best value by more than <see cref="MinDelta"/>
/// (<see cref="Stopping.NoImprovementStop"/>), or once the improvement still possible falls below the validation
/// <see cref="Noise"/> (<see cref="Stopping.ImprovementBelowNoiseStop"/>); one of the two. The reason is logged when
/// the run ends.</summary>
public sealed record StopWhenSettings
{
    /// <summary>Complete trials without improvement before the run stops (at least 1); null never stops early.</summary>
    public int? Patience { get; init; }

    /// <summary>The smallest change of the best value that counts as an improvement (at least 0).</summary>
    public double MinDelta { get; init; }

    /// <summary>The standard deviation of one configuration's validation score (from folds or repeats), in the
    /// objective's units; null leaves this rule out.</summary>
    public double? Noise { get; init; }

    /// <summary>The rule these settings describe, or null when neither <see cref="Patience"/> nor <see cref="Noise"/>
    /// is set.</summary>
    public Stopping.IStoppingRule? Rule() =>
        Patience is { } patience ? new Stopping.NoImprovementStop(patience, MinDelta)
        : Noise is { } noise ? new Stopping.ImprovementBelowNoiseStop(noise)
        : null;
}
