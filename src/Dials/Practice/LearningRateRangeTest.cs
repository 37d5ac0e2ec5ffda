namespace Dials.Practice;

/// <summary>
/// The learning-rate range test (Smith, 2017): train with a rate growing exponentially from very small to very large,
/// one step each, record the loss, and suggest a rate below where the loss starts to diverge.
/// </summary>
public static class LearningRateRangeTest
{
    /// <summary>Runs the test over a training step of the caller's.</summary>
    /// <param name="trainStep">Trains one step (a mini-batch) at the given learning rate and returns the loss; the
    /// model keeps its state from step to step. Losses are taken to be positive, as cross-entropy and squared errors
    /// are: divergence is judged as a multiple of the lowest smoothed loss.</param>
    /// <param name="options">Rates, steps, smoothing, divergence; defaults when null.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    /// <returns>The loss curve and the suggested rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it.</exception>
    /// <exception cref="InvalidOperationException">The very first step's loss was not finite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<LearningRateRangeResult> RunAsync(Func<double, CancellationToken, ValueTask<double>> trainStep,
        LearningRateRangeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainStep);
        options ??= new LearningRateRangeOptions();
        Validate(options);

        var points = new List<RangeTestPoint>(options.Steps);
        var logGrowth = Math.Log(options.MaxRate / options.MinRate) / (options.Steps - 1);
        var average = 0.0;
        var lowest = double.PositiveInfinity;
        double? divergenceRate = null;
        for (var step = 0; step < options.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The last rate is MaxRate exactly rather than whatever rounding of exp leaves.
            var rate = step == options.Steps - 1 ? options.MaxRate : options.MinRate * Math.Exp(logGrowth * step);
            var loss = await trainStep(rate, cancellationToken).ConfigureAwait(false);
            if (!double.IsFinite(loss))
            {
                // A non-finite loss has no place on the curve (it would poison the average and any plot of it).
                divergenceRate = rate;
                break;
            }

            // The moving average starts at 0, so early on it is divided by the weight its terms actually carry
            // (1 - Smoothing^(n)) to stop it from understating the loss.
            average = options.Smoothing * average + (1 - options.Smoothing) * loss;
            var smoothed = average / (1 - Math.Pow(options.Smoothing, step + 1));
            points.Add(new RangeTestPoint(rate, loss, smoothed));
            if (smoothed > options.DivergenceFactor * lowest)
            {
                divergenceRate = rate;
                break;
            }

            lowest = Math.Min(lowest, smoothed);
        }

        if (points.Count == 0)
        {
            throw new InvalidOperationException(
                $"The loss of the very first step, at rate {options.MinRate:R}, was not finite: the model or its data is " +
                "broken before any learning rate can be judged (or MinRate is already far too large).");
        }

        return RangeTestCurve.Read(points, divergenceRate, WarmUpPoints(options.Steps));
    }

    /// <summary>The first points of the curve are averages of a handful of losses at rates too small to teach
    /// anything: their wiggles are noise, not slope, so the steepest fall is looked for after them.</summary>
    private static int WarmUpPoints(int steps) => steps / 10;

    private static void Validate(LearningRateRangeOptions options)
    {
        if (!(options.MinRate > 0) || !double.IsFinite(options.MinRate))
        {
            Reject(nameof(options.MinRate), options.MinRate, "must be a finite number above 0");
        }

        if (!(options.MaxRate > options.MinRate) || !double.IsFinite(options.MaxRate))
        {
            Reject(nameof(options.MaxRate), options.MaxRate, "must be a finite number above MinRate");
        }

        if (options.Steps < 10)
        {
            Reject(nameof(options.Steps), options.Steps, "must be at least 10 to draw a curve");
        }

        if (!(options.Smoothing >= 0 && options.Smoothing < 1))
        {
            Reject(nameof(options.Smoothing), options.Smoothing, "must be in [0, 1)");
        }

        if (!(options.DivergenceFactor > 1) || !double.IsFinite(options.DivergenceFactor))
        {
            Reject(nameof(options.DivergenceFactor), options.DivergenceFactor, "must be a finite number above 1");
        }
    }

    private static void Reject(string property, object value, string rule) =>
        throw new ArgumentOutOfRangeException(property, value, $"LearningRateRangeOptions.{property} {rule}.");
}
