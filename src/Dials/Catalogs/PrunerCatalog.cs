using Dials.Pruners;

namespace Dials.Catalogs;

/// <summary>Every pruner kind by name: what <c>Tuning:Pruner:Kind</c> and the samples accept.</summary>
public static class PrunerCatalog
{
    /// <summary>The kind used when none is named: no pruning.</summary>
    public const string DefaultKind = PrunerKinds.None;

    /// <summary>The pruner kinds.</summary>
    public static Catalog<PrunerSettings, IPruner> All { get; } = new("pruner",
    [
        new(DefaultKind, "none", "Never prunes.", _ => new NopPruner()),
        new(PrunerKinds.Median, "median", "Prunes a trial worse than the median of earlier trials at the same step.",
            s => new MedianPruner(s.StartupTrials ?? PercentilePruner.DefaultStartupTrials, s.WarmupSteps ?? 0)),
        new(PrunerKinds.Percentile, "percentile", "Prunes a trial outside the best percentile of earlier trials at the same step.",
            s => new PercentilePruner(s.Percentile ?? PercentilePruner.DefaultPercentile,
                s.StartupTrials ?? PercentilePruner.DefaultStartupTrials, s.WarmupSteps ?? 0)),
        new(PrunerKinds.SuccessiveHalving, "successive halving", "Asynchronous successive halving (ASHA): rungs at growing steps keep the best share.",
            s => new SuccessiveHalvingPruner(s.MinResource ?? SuccessiveHalvingPruner.DefaultMinResource,
                s.ReductionFactor ?? SuccessiveHalvingPruner.DefaultReductionFactor)),
        new(PrunerKinds.Hyperband, "Hyperband", "Several successive-halving brackets with different aggressiveness.",
            s => new HyperbandPruner(s.MaxResource ?? HyperbandPruner.DefaultMaxResource,
                s.MinResource ?? SuccessiveHalvingPruner.DefaultMinResource,
                s.ReductionFactor ?? HyperbandPruner.DefaultReductionFactor, s.WarmupSteps ?? 0)),
        new(PrunerKinds.Patience, "patience", "Early stopping on a trial's own curve: prunes after reports that stopped improving.",
            s => new PatiencePruner(s.Patience ?? PatiencePruner.DefaultPatience, warmupSteps: s.WarmupSteps ?? 0)),
    ]);

    /// <summary>Makes the pruner <paramref name="settings"/> names.</summary>
    /// <exception cref="ArgumentException">No pruner has that name, or a setting is out of its range.</exception>
    public static IPruner Create(PrunerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return All.Create(settings.Kind, settings);
    }
}
