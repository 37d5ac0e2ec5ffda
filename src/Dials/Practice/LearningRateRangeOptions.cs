namespace Dials.Practice;

/// <summary>Settings of <see cref="LearningRateRangeTest.RunAsync"/>.</summary>
public sealed class LearningRateRangeOptions
{
    /// <summary>The first rate; 1e-7 by default.</summary>
    public double MinRate { get; init; } = 1e-7;

    /// <summary>The last rate; 10 by default.</summary>
    public double MaxRate { get; init; } = 10;

    /// <summary>Steps from the first rate to the last, growing geometrically; 100 by default.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>Weight of the past in the loss's moving average, in [0, 1); 0.98 by default (heavy, since single
    /// mini-batch losses are noisy).</summary>
    public double Smoothing { get; init; } = 0.98;

    /// <summary>The test stops once the smoothed loss exceeds this multiple of its minimum (or is not finite); 4 by
    /// default.</summary>
    public double DivergenceFactor { get; init; } = 4;
}
