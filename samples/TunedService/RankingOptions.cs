using Dials;

namespace TunedService;

/// <summary>How the service scores items. Declared once: it is the service's configuration (the "Ranking" section),
/// its validation, and the space the tuner searches.</summary>
[Hyperparameters]
public partial record RankingOptions
{
    /// <summary>How fast old signals fade.</summary>
    [FloatRange(1e-4, 1.0, Log = true)]
    public double DecayRate { get; init; } = 0.01;

    /// <summary>How many candidates are scored per request.</summary>
    [PowerOfTwo(8, 1024)]
    public int CandidatePool { get; init; } = 64;

    /// <summary>Weight of freshness against popularity.</summary>
    [FloatRange(0, 1, Step = 0.05)]
    public double FreshnessWeight { get; init; } = 0.5;

    /// <summary>How scores are combined.</summary>
    [Choice("sum", "product", "max")]
    public string Blend { get; init; } = "sum";
}
