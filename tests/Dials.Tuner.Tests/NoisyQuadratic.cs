namespace Dials.Tuner.Tests;

/// <summary>
/// A one-weight model trained by stochastic gradient descent on the loss <c>curvature / 2 * (w - t)^2</c>, where each
/// mini-batch's target t is the true optimum plus Gaussian noise. One step multiplies the error by
/// <c>1 - rate * curvature</c>, so training converges exactly for rates below <c>2 / curvature</c> and diverges above.
/// </summary>
internal sealed class NoisyQuadratic(double curvature, double start, int seed)
{
    private const double Optimum = 1;
    private const double TargetNoise = 0.1;
    private readonly Random random = new(seed);

    /// <summary>The rate above which gradient descent diverges.</summary>
    public double DivergenceRate => 2 / curvature;

    /// <summary>The current weight.</summary>
    public double Weight { get; private set; } = start;

    /// <summary>The loss against the true optimum (no mini-batch noise).</summary>
    public double TrueLoss => curvature / 2 * (Weight - Optimum) * (Weight - Optimum);

    /// <summary>One mini-batch: the loss before the update, then the gradient step.</summary>
    public ValueTask<double> TrainStep(double rate, CancellationToken cancellationToken)
    {
        var target = Optimum + TargetNoise * Gaussian();
        var error = Weight - target;
        Weight -= rate * curvature * error;
        return ValueTask.FromResult(curvature / 2 * error * error);
    }

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
