using System.ComponentModel;

namespace Dials.Options;

/// <summary>
/// The <c>Tuning</c> configuration section: whether and how the hosted study runs. Read without reflection and
/// validated on start by <c>AddTuning</c>; every bad value names its full key.
/// </summary>
/// <remarks>The [DefaultValue]s restate the initializers for the configuration schema the build writes (a compiled
/// reference shows attributes, not initializers); ConfigurationSchemaTests keeps them, the initializers and the
/// reader's fallbacks equal.</remarks>
public sealed record TuningOptions
{
    /// <summary>Whether the hosted study runs (<c>--Tuning:Enabled=true</c> on the command line switches it on).</summary>
    [DefaultValue(false)]
    public bool Enabled { get; init; }

    /// <summary>The study's name in its storage; the same name on a durable storage resumes the study.</summary>
    public string Study { get; init; } = "";

    /// <summary>Whether smaller (the default) or larger objective values are better.</summary>
    [DefaultValue(Direction.Minimize)]
    public Direction Direction { get; init; } = Direction.Minimize;

    /// <summary>The search strategy.</summary>
    public TuningSamplerOptions Sampler { get; init; } = new();

    /// <summary>The early-stopping rule.</summary>
    public TuningPrunerOptions Pruner { get; init; } = new();

    /// <summary>The study's TOTAL trial budget, counting trials of earlier runs in the storage.</summary>
    [DefaultValue(50)]
    public int Trials { get; init; } = 50;

    /// <summary>How many trials run at once.</summary>
    [DefaultValue(1)]
    public int Parallelism { get; init; } = 1;

    /// <summary>No trial starts after this much time (per run); null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>A trial running longer is recorded Failed; null for no limit.</summary>
    public TimeSpan? TrialTimeout { get; init; }

    /// <summary>Where trials are kept: <c>journal:PATH</c>, <c>sqlite:CONNECTION</c> or <c>postgres:CONNECTION</c>;
    /// null for in memory (nothing survives a restart). Never logged: it may hold a password. A <c>sqlite:</c> or
    /// <c>postgres:</c> spec needs its package (<c>Dials.Storage.Sqlite</c>, <c>Dials.Storage.Postgres</c>) and its
    /// opener registered at start-up (<c>SqliteStorageOpener.Register()</c>, <c>PostgresStorageOpener.Register()</c>);
    /// otherwise the start fails naming the package (see <see cref="StorageSpec"/>).</summary>
    public string? Storage { get; init; }

    /// <summary>The JSON file the best configuration is written to, in the shape of the hyperparameters' own section;
    /// add it with <c>AddTunedHyperparameters</c>. Null writes nothing.</summary>
    public string? Output { get; init; }

    /// <summary>Per-dimension narrowing of the search space, by dimension name (dotted for nested ones).</summary>
    public IReadOnlyDictionary<string, DimensionOverride> SearchSpace { get; init; } = new Dictionary<string, DimensionOverride>();
}

/// <summary>Which sampler a hosted study uses.</summary>
public enum SamplerKind
{
    /// <summary><see cref="Samplers.AutoSampler"/> (the default): a GP or TPE, chosen from the space and the study's progress.</summary>
    Auto,

    /// <summary><see cref="Samplers.TpeSampler"/>.</summary>
    Tpe,

    /// <summary><see cref="Samplers.GpSampler"/>.</summary>
    Gp,

    /// <summary><see cref="Samplers.RandomSampler"/>.</summary>
    Random,

    /// <summary><see cref="Samplers.GridSampler"/>.</summary>
    Grid,

    /// <summary><see cref="Samplers.QmcSampler"/>.</summary>
    Qmc,

    /// <summary><see cref="Samplers.CmaEsSampler"/>.</summary>
    CmaEs,
}

/// <summary>The <c>Tuning:Sampler</c> section.</summary>
public sealed record TuningSamplerOptions
{
    /// <summary>Which sampler.</summary>
    [DefaultValue(SamplerKind.Auto)]
    public SamplerKind Kind { get; init; } = SamplerKind.Auto;

    /// <summary>The seed; null for a random one.</summary>
    public int? Seed { get; init; }

    /// <summary>TPE and GP: start-up trials before the model is used (the automatic sampler keeps its own).</summary>
    [DefaultValue(10)]
    public int StartupTrials { get; init; } = 10;

    /// <summary>Grid: points per continuous float dimension.</summary>
    [DefaultValue(5)]
    public int GridPoints { get; init; } = 5;

    /// <summary>CMA-ES: initial step size in the unit cube.</summary>
    [DefaultValue(1.0 / 6)]
    public double Sigma0 { get; init; } = 1.0 / 6;
}

/// <summary>Which pruner a hosted study uses.</summary>
public enum PrunerKind
{
    /// <summary>Never prune.</summary>
    None,

    /// <summary><see cref="Pruners.MedianPruner"/>.</summary>
    Median,

    /// <summary><see cref="Pruners.PercentilePruner"/>.</summary>
    Percentile,

    /// <summary><see cref="Pruners.SuccessiveHalvingPruner"/>.</summary>
    SuccessiveHalving,

    /// <summary><see cref="Pruners.HyperbandPruner"/>.</summary>
    Hyperband,

    /// <summary><see cref="Pruners.PatiencePruner"/>.</summary>
    Patience,
}

/// <summary>The <c>Tuning:Pruner</c> section; each pruner reads the options it has.</summary>
public sealed record TuningPrunerOptions
{
    /// <summary>Which pruner.</summary>
    [DefaultValue(PrunerKind.None)]
    public PrunerKind Kind { get; init; } = PrunerKind.None;

    /// <summary>Median, Percentile: trials finished before any is pruned.</summary>
    [DefaultValue(5)]
    public int StartupTrials { get; init; } = 5;

    /// <summary>Median, Percentile, Hyperband, Patience: steps before a trial is judged.</summary>
    [DefaultValue(0L)]
    public long WarmupSteps { get; init; }

    /// <summary>Percentile: the percentile a trial must beat (0 to 100).</summary>
    [DefaultValue(25.0)]
    public double Percentile { get; init; } = 25;

    /// <summary>Patience: steps without improvement tolerated.</summary>
    [DefaultValue(3)]
    public int Patience { get; init; } = 3;

    /// <summary>SuccessiveHalving, Hyperband: the smallest resource (step) a trial gets.</summary>
    [DefaultValue(1L)]
    public long MinResource { get; init; } = 1;

    /// <summary>Hyperband: the largest resource (step) a trial gets.</summary>
    [DefaultValue(100L)]
    public long MaxResource { get; init; } = 100;

    /// <summary>SuccessiveHalving, Hyperband: how aggressively trials are cut.</summary>
    [DefaultValue(3)]
    public int ReductionFactor { get; init; } = 3;
}

/// <summary>One <c>Tuning:SearchSpace:NAME</c> override, as typed values of the dimension (already checked).</summary>
/// <param name="Low">A narrower low bound (numeric dimensions).</param>
/// <param name="High">A narrower high bound (numeric dimensions).</param>
/// <param name="Choices">A subset of the choices (categorical dimensions).</param>
/// <param name="Fixed">The one value the dimension takes.</param>
public sealed record DimensionOverride(double? Low = null, double? High = null, IReadOnlyList<object>? Choices = null, object? Fixed = null);
