using System.ComponentModel;
using Dials.Catalogs;

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

    /// <summary>Whether smaller (the default) or larger objective values are better. With <c>Tuning:Objectives</c>, each
    /// objective has its own direction and this one is not set (it reads as the first objective's).</summary>
    [DefaultValue(Direction.Minimize)]
    public Direction Direction { get; init; } = Direction.Minimize;

    /// <summary>The objectives of a study of several (accuracy against latency), each with a name and a direction, in
    /// the order the objective (<c>ITrialObjectives</c>) returns its values. A study of several objectives keeps a
    /// Pareto front, samples with a kind that reads several objectives (by default the first of auto, TPE and random
    /// that does) and does not prune. Empty (the default): one objective, whose direction is <c>Tuning:Direction</c>.</summary>
    public IReadOnlyList<ObjectiveSettings> Objectives { get; init; } = [];

    /// <summary>Which point of the Pareto front is written to <c>Tuning:Output</c> (several objectives only): the best
    /// front trial in one objective, or the lowest weighted sum, within optional bounds. Without it, the best front trial
    /// in the first objective.</summary>
    public SelectSettings? Select { get; init; }

    /// <summary>The search strategy (<c>Tuning:Sampler</c>): a kind of <see cref="SamplerCatalog"/> and its settings.</summary>
    public SamplerSettings Sampler { get; init; } = new();

    /// <summary>The early-stopping rule (<c>Tuning:Pruner</c>): a kind of <see cref="PrunerCatalog"/> and its settings.</summary>
    public PrunerSettings Pruner { get; init; } = new();

    /// <summary>When the run stops before its budget because more trials stop paying (<c>Tuning:StopWhen</c>); by
    /// default it never does. Single-objective studies only.</summary>
    public StopWhenSettings StopWhen { get; init; } = new();

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

/// <summary>One <c>Tuning:SearchSpace:NAME</c> override, as typed values of the dimension (already checked).</summary>
/// <param name="Low">A narrower low bound (numeric dimensions).</param>
/// <param name="High">A narrower high bound (numeric dimensions).</param>
/// <param name="Choices">A subset of the choices (categorical dimensions).</param>
/// <param name="Fixed">The one value the dimension takes.</param>
public sealed record DimensionOverride(double? Low = null, double? High = null, IReadOnlyList<object>? Choices = null, object? Fixed = null);
