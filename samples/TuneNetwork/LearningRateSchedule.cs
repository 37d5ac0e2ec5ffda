namespace TuneNetwork;

/// <summary>
/// The learning rate at each mini-batch step: a linear warmup from peak / warmup-steps to the peak (Goyal et al., 2017,
/// the warmup that makes large rates and batches trainable), then either a cosine decay to zero (Loshchilov and Hutter,
/// 2017) or a step decay to a tenth at half and a hundredth at three quarters of training.
/// </summary>
/// <param name="Peak">The rate after warmup.</param>
/// <param name="TotalSteps">Mini-batch steps in the whole training.</param>
/// <param name="WarmupSteps">Steps of the warmup (0 for none).</param>
/// <param name="Kind">"cosine", "step", or "constant" (no decay: population-based training changes the rate itself).</param>
public sealed record LearningRateSchedule(double Peak, long TotalSteps, long WarmupSteps, string Kind)
{
    /// <summary>The schedule <paramref name="config"/> describes for <paramref name="stepsPerEpoch"/> steps an epoch.</summary>
    public static LearningRateSchedule For(NetworkConfig config, int stepsPerEpoch)
    {
        long total = (long)config.Epochs * stepsPerEpoch;
        return new LearningRateSchedule(config.LearningRate, total, (long)Math.Round(config.WarmupFraction * total), config.Schedule);
    }

    /// <summary>The rate of step <paramref name="step"/> (0-based).</summary>
    public double RateAt(long step)
    {
        if (step < WarmupSteps)
        {
            return Peak * (step + 1) / WarmupSteps;
        }

        if (Kind == "constant")
        {
            return Peak;
        }

        if (Kind == "step")
        {
            var progress = (double)step / TotalSteps;
            return Peak * (progress >= 0.75 ? 0.01 : progress >= 0.5 ? 0.1 : 1);
        }

        var decay = TotalSteps - WarmupSteps;
        var done = decay <= 0 ? 1.0 : Math.Min(1.0, (double)(step - WarmupSteps) / decay);
        return Peak * 0.5 * (1 + Math.Cos(Math.PI * done));
    }
}
