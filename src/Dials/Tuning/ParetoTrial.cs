namespace Dials;

/// <summary>A trial on a study's Pareto front: feasible, complete, and dominated by no other such trial.</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
/// <param name="Number">The trial's number.</param>
/// <param name="Values">Its objective values, in the order of the study's directions.</param>
/// <param name="Config">The configuration it evaluated.</param>
/// <param name="Parameters">Its active parameters by dimension name.</param>
/// <param name="Constraints">The constraints it set, all satisfied (empty when it set none).</param>
public sealed record ParetoTrial<T>(
    int Number,
    IReadOnlyList<double> Values,
    T Config,
    IReadOnlyDictionary<string, object> Parameters,
    IReadOnlyList<ConstraintValue> Constraints);
