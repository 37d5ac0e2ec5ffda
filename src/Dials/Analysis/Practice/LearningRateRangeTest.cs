namespace Dials.Analysis;

/// <summary>
/// The learning-rate range test (Smith, 2017): train with a rate growing exponentially from very small to very large,
/// one step each, record the loss, and suggest a rate below where the loss starts to diverge.
/// </summary>
public static class LearningRateRangeTest
{
    /// <summary>Runs the test over a training step of the caller's.</summary>
    /// <param name="trainStep">Trains one step (a mini-batch) at the given learning rate and returns the loss; the
    /// model keeps its state from step to step.</param>
    /// <param name="options">Rates, steps, smoothing, divergence; defaults when null.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    /// <returns>The loss curve and the suggested rate.</returns>
    public static Task<LearningRateRangeResult> RunAsync(Func<double, CancellationToken, ValueTask<double>> trainStep,
        LearningRateRangeOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("issue 8: practice helper");
}
