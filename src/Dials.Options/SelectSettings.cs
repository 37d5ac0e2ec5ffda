namespace Dials.Options;

/// <summary>
/// <c>Tuning:Select</c>: which point of the Pareto front a study of several <c>Tuning:Objectives</c> writes to
/// <c>Tuning:Output</c>. Either the best front trial in one objective (<c>{ "Minimize": "rmse", "Where": { "latency":
/// { "AtMost": 5 } } }</c>) or the lowest weighted sum (<c>{ "Weights": { "rmse": 1, "latency": 0.01 } }</c>), each
/// optionally among the front trials within <see cref="Where"/>'s bounds. Without it, the best front trial in the first
/// objective is written. See <see cref="MultiObjective.ParetoSelection"/>, which it configures.
/// </summary>
public sealed record SelectSettings
{
    /// <summary>The name of a minimised objective: the front trial with its lowest value is chosen.</summary>
    public string? Minimize { get; init; }

    /// <summary>The name of a maximised objective: the front trial with its highest value is chosen.</summary>
    public string? Maximize { get; init; }

    /// <summary>A weight per objective name, at least 0: the front trial with the lowest weighted sum is chosen (a
    /// maximised objective counts negative). Objectives not named weigh 0.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>();

    /// <summary>Bounds per objective name: only front trials within them may be chosen.</summary>
    public IReadOnlyDictionary<string, ObjectiveBounds> Where { get; init; } = new Dictionary<string, ObjectiveBounds>();
}

/// <summary>One <c>Tuning:Select:Where:NAME</c> entry: inclusive bounds on an objective's value.</summary>
public sealed record ObjectiveBounds
{
    /// <summary>The largest value allowed.</summary>
    public double? AtMost { get; init; }

    /// <summary>The smallest value allowed.</summary>
    public double? AtLeast { get; init; }
}
