namespace Dials.Practice;

/// <summary>What a learning-rate range test found.</summary>
/// <param name="Points">Every step with a finite loss, in rate order: its rate, raw loss and smoothed loss (a step whose
/// loss was not finite ends the test and is not among them).</param>
/// <param name="SuggestedRate">The rate to use: a rate well below divergence where the loss was still falling.</param>
/// <param name="MinimumLossRate">The rate at the lowest smoothed loss.</param>
/// <param name="SteepestRate">The rate where the smoothed loss fell fastest (per unit of log rate).</param>
/// <param name="DivergenceRate">The rate at which the loss diverged and the test stopped, or null when it never did.</param>
public sealed record LearningRateRangeResult(
    IReadOnlyList<RangeTestPoint> Points,
    double SuggestedRate,
    double MinimumLossRate,
    double SteepestRate,
    double? DivergenceRate);

/// <summary>One step of the range test.</summary>
/// <param name="Rate">The learning rate of the step.</param>
/// <param name="Loss">The loss the step returned.</param>
/// <param name="SmoothedLoss">The bias-corrected exponential moving average of the losses so far.</param>
public sealed record RangeTestPoint(double Rate, double Loss, double SmoothedLoss);
