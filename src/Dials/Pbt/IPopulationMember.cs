namespace Dials.Pbt;

/// <summary>
/// One member of a population-based training run: a model being trained (its weights and optimizer state), which the
/// run trains under hyperparameters it chooses, evaluates, and copies between members through checkpoints. Nothing here
/// knows a training framework: a TorchSharp module, an ML.NET trainer or plain arrays implement it in a few lines.
/// </summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
public interface IPopulationMember<in T>
{
    /// <summary>Trains for <paramref name="steps"/> steps under <paramref name="config"/>, continuing from the current
    /// weights. A step is whatever unit the run counts (an epoch, a batch); <paramref name="fromStep"/> is the number of
    /// steps this member's weights have already been trained (copied ones included), for schedules such as warmup.</summary>
    /// <param name="config">The hyperparameters to train under from now on.</param>
    /// <param name="fromStep">Steps already behind these weights.</param>
    /// <param name="steps">Steps to train now.</param>
    /// <param name="cancellationToken">Cancelled when the run stops.</param>
    ValueTask TrainAsync(T config, int fromStep, int steps, CancellationToken cancellationToken);

    /// <summary>Scores the current weights on held-out data (validation, never the test split), in the direction of the
    /// study the run records into. NaN or an exception marks the member as failed for this interval: it is ranked last
    /// and replaced by a better member's copy, and the study records the interval's trial Failed with the reason.</summary>
    ValueTask<double> EvaluateAsync(CancellationToken cancellationToken);

    /// <summary>Writes the weights and optimizer state to <paramref name="checkpoint"/>.</summary>
    ValueTask SaveAsync(Stream checkpoint, CancellationToken cancellationToken);

    /// <summary>Replaces the weights and optimizer state with those <see cref="SaveAsync"/> wrote (of this member or
    /// another of the same run).</summary>
    ValueTask LoadAsync(Stream checkpoint, CancellationToken cancellationToken);
}
