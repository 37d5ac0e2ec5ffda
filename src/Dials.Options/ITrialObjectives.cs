namespace Dials.Options;

/// <summary>
/// The objective of a hosted study of several objectives (<c>Tuning:Objectives</c>), resolved from dependency injection
/// like <see cref="ITrialObjective{T}"/>: it returns one value per objective, in the order <c>Tuning:Objectives</c>
/// lists them, and may set constraints (<see cref="Trial.SetConstraint"/>, feasible when at most 0). Registered by
/// <c>AddTuning&lt;T, TObjective&gt;</c> as transient unless already registered.
/// </summary>
/// <typeparam name="T">The hyperparameters type.</typeparam>
public interface ITrialObjectives<in T>
{
    /// <summary>Evaluates one configuration on every objective.</summary>
    /// <param name="config">The configuration to evaluate.</param>
    /// <param name="trial">The trial: set constraints through it.</param>
    /// <param name="cancellationToken">Cancelled when the host stops or the trial times out; stop promptly.</param>
    /// <returns>One value per objective, in the order of <c>Tuning:Objectives</c> (an array such as
    /// <c>[error, latency]</c>). The wrong number of values, or NaN or an infinity in one, records the trial Failed.</returns>
    ValueTask<IReadOnlyList<double>> EvaluateAsync(T config, Trial trial, CancellationToken cancellationToken);
}
