namespace Dials;

/// <summary>The value of one named constraint of a trial: the trial satisfies it when the value is at most 0.</summary>
/// <param name="Name">The constraint's name, as the objective set it (for example <c>latency</c>).</param>
/// <param name="Value">How far the trial is from satisfying it: at most 0 when satisfied, the excess otherwise.</param>
public readonly record struct ConstraintValue(string Name, double Value);
