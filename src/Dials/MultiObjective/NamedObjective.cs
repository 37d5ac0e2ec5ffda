namespace Dials.MultiObjective;

/// <summary>One objective of a multi-objective study by name, with its direction: how a
/// <see cref="ParetoSelection"/> refers to it (<c>new("rmse", Direction.Minimize)</c>).</summary>
/// <param name="Name">The objective's name, for example <c>rmse</c> or <c>latency</c>.</param>
/// <param name="Direction">Whether smaller or larger values are better.</param>
public sealed record NamedObjective(string Name, Direction Direction);
