using Dials.Pruners;
using Dials.Samplers;

namespace Dials.Options;

/// <summary>Builds the sampler and pruner the <c>Tuning</c> section names, with the options each one has.</summary>
internal static class TuningComponents
{
    public static ISampler CreateSampler(TuningSamplerOptions o) => o.Kind switch
    {
        SamplerKind.Random => new RandomSampler(o.Seed),
        SamplerKind.Grid => new GridSampler(o.GridPoints, seed: o.Seed),
        SamplerKind.Qmc => new QmcSampler(seed: o.Seed),
        SamplerKind.CmaEs => new CmaEsSampler(o.Seed, o.Sigma0),
        SamplerKind.Tpe => new TpeSampler(o.Seed, o.StartupTrials),
        SamplerKind.Gp => new GpSampler(o.Seed, o.StartupTrials),
        _ => new AutoSampler(o.Seed),
    };

    public static IPruner CreatePruner(TuningPrunerOptions o) => o.Kind switch
    {
        PrunerKind.Median => new MedianPruner(o.StartupTrials, o.WarmupSteps),
        PrunerKind.Percentile => new PercentilePruner(o.Percentile, o.StartupTrials, o.WarmupSteps),
        PrunerKind.SuccessiveHalving => new SuccessiveHalvingPruner(o.MinResource, o.ReductionFactor),
        PrunerKind.Hyperband => new HyperbandPruner(o.MaxResource, o.MinResource, o.ReductionFactor, o.WarmupSteps),
        PrunerKind.Patience => new PatiencePruner(o.Patience, warmupSteps: o.WarmupSteps),
        _ => new NopPruner(),
    };
}
