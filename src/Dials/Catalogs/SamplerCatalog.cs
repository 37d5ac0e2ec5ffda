using Dials.Samplers;

namespace Dials.Catalogs;

/// <summary>Every sampler kind by name: what <c>Tuning:Sampler:Kind</c>, <c>dials simulate --samplers</c> and the
/// samples accept.</summary>
public static class SamplerCatalog
{
    /// <summary>The kind used when none is named: the automatic strategy.</summary>
    public const string DefaultKind = SamplerKinds.Auto;

    /// <summary>The sampler kinds.</summary>
    public static Catalog<SamplerSettings, ISampler> All { get; } = new("sampler",
    [
        new(DefaultKind, "Auto", "Chooses GP or TPE from the space and the budget, and says why for every trial.",
            s => new AutoSampler(s.Seed)),
        new(SamplerKinds.Tpe, "TPE", "Tree-structured Parzen estimator, multivariate with a constant liar.",
            s => new TpeSampler(s.Seed, s.StartupTrials ?? TpeSampler.DefaultStartupTrials)),
        new(SamplerKinds.TpeUnivariate, "TPE (univariate)", "TPE with one estimator per dimension, as Optuna's default before 5.0.",
            s => new TpeSampler(s.Seed, s.StartupTrials ?? TpeSampler.DefaultStartupTrials, multivariate: false)),
        new(SamplerKinds.Gp, "GP", "Gaussian-process regression with log expected improvement: few trials for expensive objectives.",
            s => new GpSampler(s.Seed, s.StartupTrials ?? GpSampler.DefaultStartupTrials)),
        new(SamplerKinds.Random, "random", "Independent uniform draws: the baseline.", s => new RandomSampler(s.Seed)),
        new(SamplerKinds.Grid, "grid", "Every combination, continuous dimensions at evenly spaced points, in random order.",
            s => new GridSampler(s.GridPoints ?? GridSampler.DefaultFloatPoints, seed: s.Seed)),
        new(SamplerKinds.Qmc, "QMC", "Scrambled Sobol points: random search that covers the space evenly.",
            s => new QmcSampler(seed: s.Seed)),
        new(SamplerKinds.CmaEs, "CMA-ES", "Covariance matrix adaptation: long continuous runs.",
            s => new CmaEsSampler(s.Seed, s.Sigma0 ?? CmaEsSampler.DefaultSigma0)),
        new(SamplerKinds.CmaEsIpop, "CMA-ES (IPOP)", "CMA-ES restarting with a doubled population when it stalls.",
            s => new CmaEsSampler(s.Seed, s.Sigma0 ?? CmaEsSampler.DefaultSigma0, restarts: true)),
        new(SamplerKinds.NsgaII, "NSGA-II", "Genetic algorithm for several objectives: generations bred from the best front.",
            s => new NsgaIISampler(s.Seed, s.PopulationSize ?? NsgaIISampler.DefaultPopulationSize)),
    ]);

    /// <summary>Makes the sampler <paramref name="settings"/> names.</summary>
    /// <exception cref="ArgumentException">No sampler has that name, or a setting is out of its range.</exception>
    public static ISampler Create(SamplerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return All.Create(settings.Kind, settings);
    }
}
