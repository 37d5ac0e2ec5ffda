namespace Dials.Analysis;

/// <summary>One-at-a-time sweeps around a configuration: for each dimension, the score as that dimension alone moves
/// across its range, and how far it can move before the score degrades beyond a tolerance.</summary>
/// <param name="Source">Whether the scores were measured by the objective or predicted by the surrogate.</param>
/// <param name="CenterScore">The score at the centre configuration (measured or predicted like the sweeps).</param>
/// <param name="Threshold">The worst score still counted as not degraded.</param>
/// <param name="Sweeps">One sweep per dimension active at the centre, in the space's order.</param>
public sealed record SensitivityResult(
    SensitivitySource Source,
    double CenterScore,
    double Threshold,
    IReadOnlyList<DimensionSweep> Sweeps);

/// <summary>One dimension's sweep.</summary>
/// <param name="Name">The dimension's full name.</param>
/// <param name="Center">The centre's value (internal value: the choice index for a categorical).</param>
/// <param name="Points">The values tried, in increasing order, with their scores.</param>
/// <param name="SafeLow">The lowest value of the contiguous run of tolerated points around the centre.</param>
/// <param name="SafeHigh">The highest value of that run.</param>
/// <param name="SafeFraction">The share of the swept points whose score is tolerated, in [0, 1]: near 1 for a dial
/// that hardly matters near the optimum, small for a sensitive one.</param>
public sealed record DimensionSweep(
    string Name,
    double Center,
    IReadOnlyList<SweepPoint> Points,
    double SafeLow,
    double SafeHigh,
    double SafeFraction);

/// <summary>One point of a sweep.</summary>
/// <param name="Value">The dimension's internal value.</param>
/// <param name="Label">The value as people read it (the choice for a categorical).</param>
/// <param name="Score">The score there.</param>
/// <param name="Tolerated">Whether the score is within the tolerance of the centre's.</param>
public sealed record SweepPoint(double Value, string Label, double Score, bool Tolerated);

/// <summary>Where sweep scores come from.</summary>
public enum SensitivitySource
{
    /// <summary>Predicted by a random-forest surrogate of the study's trials: free, but only as good as the trials.</summary>
    Surrogate,

    /// <summary>Measured by running the objective at every point.</summary>
    Objective,
}
