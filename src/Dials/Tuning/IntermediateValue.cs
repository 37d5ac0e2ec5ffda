namespace Dials;

/// <summary>A value a trial reported part-way (after an epoch, a fold, a number of boosting rounds).</summary>
/// <param name="Step">The step it was reported at; steps grow within a trial.</param>
/// <param name="Value">The objective's value at that step.</param>
public readonly record struct IntermediateValue(long Step, double Value);
