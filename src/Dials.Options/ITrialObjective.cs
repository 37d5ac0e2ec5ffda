namespace Dials.Options;

/// <summary>
/// The objective a hosted study evaluates, resolved from dependency injection (so it can use the service's other
/// dependencies). Registered by <c>AddTuning&lt;T, TObjective&gt;</c> as transient unless already registered.
/// </summary>
/// <typeparam name="T">The hyperparameters type.</typeparam>
public interface ITrialObjective<in T>
{
    /// <summary>Evaluates one configuration; smaller or larger is better as <c>Tuning:Direction</c> says.</summary>
    /// <param name="config">The configuration to evaluate.</param>
    /// <param name="trial">The trial: report intermediate values through it and check <see cref="Trial.ShouldPrune"/>.</param>
    /// <param name="cancellationToken">Cancelled when the host stops or the trial times out; stop promptly.</param>
    /// <returns>The objective value.</returns>
    ValueTask<double> EvaluateAsync(T config, Trial trial, CancellationToken cancellationToken);
}
