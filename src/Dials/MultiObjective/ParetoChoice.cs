namespace Dials.MultiObjective;

/// <summary>The trial a <see cref="ParetoSelection"/> picked from a study's Pareto front, and why.</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
/// <param name="Trial">The chosen front trial.</param>
/// <param name="Reason">Why it was chosen, in words with the figures that decided it, for a log line, a report or a
/// model card: <c>trial 12 has the lowest rmse (53.1) of the 4 Pareto-front trials with latency at most 5 (9 on the
/// front)</c>.</param>
public sealed record ParetoChoice<T>(ParetoTrial<T> Trial, string Reason);
