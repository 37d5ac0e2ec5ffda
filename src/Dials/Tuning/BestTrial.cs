namespace Dials;

/// <summary>The best complete trial of a study.</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
/// <param name="Number">The trial's number.</param>
/// <param name="Value">Its objective value.</param>
/// <param name="Config">The configuration it evaluated.</param>
/// <param name="Parameters">Its active parameters by dimension name.</param>
public sealed record BestTrial<T>(int Number, double Value, T Config, IReadOnlyDictionary<string, object> Parameters);
