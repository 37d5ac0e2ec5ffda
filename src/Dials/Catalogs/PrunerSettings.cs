using System.ComponentModel;

namespace Dials.Catalogs;

/// <summary>Which pruner, and the settings a pruner kind may read (each reads its own). A null setting takes the
/// pruner's own default, the constant its constructor uses.</summary>
public sealed record PrunerSettings
{
    /// <summary>Which pruner: a name from <see cref="PrunerKinds"/> (case, <c>-</c> and <c>_</c> ignored).</summary>
    [DefaultValue(PrunerKinds.None)]
    public string Kind { get; init; } = PrunerCatalog.DefaultKind;

    /// <summary>Median, Percentile: trials finished before any is pruned (default
    /// <see cref="Pruners.PercentilePruner.DefaultStartupTrials"/>).</summary>
    public int? StartupTrials { get; init; }

    /// <summary>Median, Percentile, Hyperband, Patience: steps before a trial is judged (none by default).</summary>
    public long? WarmupSteps { get; init; }

    /// <summary>Percentile: the percentile a trial must beat, 0 to 100 (default
    /// <see cref="Pruners.PercentilePruner.DefaultPercentile"/>).</summary>
    public double? Percentile { get; init; }

    /// <summary>Patience: reports in a row without improvement tolerated (default
    /// <see cref="Pruners.PatiencePruner.DefaultPatience"/>).</summary>
    public int? Patience { get; init; }

    /// <summary>SuccessiveHalving, Hyperband: the smallest resource (step) a trial gets (default
    /// <see cref="Pruners.SuccessiveHalvingPruner.DefaultMinResource"/>).</summary>
    public long? MinResource { get; init; }

    /// <summary>Hyperband: the largest resource (step) a trial gets (default <see cref="Pruners.HyperbandPruner.DefaultMaxResource"/>).</summary>
    public long? MaxResource { get; init; }

    /// <summary>SuccessiveHalving, Hyperband: the growth of the resource from rung to rung (successive halving's default
    /// <see cref="Pruners.SuccessiveHalvingPruner.DefaultReductionFactor"/>, Hyperband's
    /// <see cref="Pruners.HyperbandPruner.DefaultReductionFactor"/>, as in their papers and Optuna).</summary>
    public int? ReductionFactor { get; init; }
}
