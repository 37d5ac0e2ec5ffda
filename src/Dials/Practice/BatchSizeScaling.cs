namespace Dials.Practice;

/// <summary>How to carry a tuned learning rate over to another batch size.</summary>
public static class BatchSizeScaling
{
    /// <summary>The learning rate for <paramref name="toBatch"/> given one tuned at <paramref name="fromBatch"/>.</summary>
    /// <param name="rate">The tuned rate.</param>
    /// <param name="fromBatch">The batch size it was tuned at.</param>
    /// <param name="toBatch">The new batch size.</param>
    /// <param name="rule">The scaling rule.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate or batch size is not positive (or the rate is not finite), or
    /// the rule is unknown; the message names the parameter.</exception>
    public static double ScaleLearningRate(double rate, int fromBatch, int toBatch, ScalingRule rule)
    {
        if (!double.IsFinite(rate) || rate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The learning rate must be a finite number above 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromBatch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toBatch);

        var ratio = (double)toBatch / fromBatch;
        return rule switch
        {
            ScalingRule.Linear => rate * ratio,
            ScalingRule.SquareRoot => rate * Math.Sqrt(ratio),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown scaling rule."),
        };
    }
}

/// <summary>Rules for scaling a learning rate with the batch size.</summary>
public enum ScalingRule
{
    /// <summary>Rate proportional to batch size (Goyal et al., 2017): for SGD with momentum, with a warm-up at large
    /// batches.</summary>
    Linear,

    /// <summary>Rate proportional to the square root of batch size (Krizhevsky, 2014; Malladi et al., 2022): keeps the
    /// gradient noise scale for adaptive optimisers such as Adam.</summary>
    SquareRoot,
}
