using Dials.Pbt;

namespace Dials.Tuner.Tests.Pbt;

/// <summary>The hyperparameters of the PBT paper's toy example (Jaderberg et al., 2017, Figure 2): the weights h of
/// the surrogate objective Q̂(θ|h) = 1.2 − (h0·θ0² + h1·θ1²).</summary>
[Hyperparameters]
public partial record ToySurrogate
{
    /// <summary>Weight of θ0² in the surrogate.</summary>
    [FloatRange(0, 1)]
    public double H0 { get; init; } = 1;

    /// <summary>Weight of θ1² in the surrogate.</summary>
    [FloatRange(0, 1)]
    public double H1 { get; init; }
}

/// <summary>A member of the toy: θ in R², trained by gradient ascent on the surrogate Q̂ under h, evaluated on the
/// true objective Q(θ) = 1.2 − (θ0² + θ1²), whose maximum 1.2 no fixed h of the first population reaches.</summary>
public sealed class ToyMember : IPopulationMember<ToySurrogate>
{
    public const double Rate = 0.05;

    private readonly double[] theta = [0.9, 0.9];

    public double Q => 1.2 - ((theta[0] * theta[0]) + (theta[1] * theta[1]));

    public ValueTask TrainAsync(ToySurrogate config, int fromStep, int steps, CancellationToken cancellationToken)
    {
        for (var step = 0; step < steps; step++)
        {
            // dQ̂/dθi = −2·hi·θi: ascend it.
            theta[0] -= Rate * 2 * config.H0 * theta[0];
            theta[1] -= Rate * 2 * config.H1 * theta[1];
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<double> EvaluateAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Q);

    public ValueTask SaveAsync(Stream checkpoint, CancellationToken cancellationToken)
    {
        using var writer = new BinaryWriter(checkpoint, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(theta[0]);
        writer.Write(theta[1]);
        return ValueTask.CompletedTask;
    }

    public ValueTask LoadAsync(Stream checkpoint, CancellationToken cancellationToken)
    {
        using var reader = new BinaryReader(checkpoint, System.Text.Encoding.UTF8, leaveOpen: true);
        theta[0] = reader.ReadDouble();
        theta[1] = reader.ReadDouble();
        return ValueTask.CompletedTask;
    }
}
