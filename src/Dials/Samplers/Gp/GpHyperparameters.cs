namespace Dials.Samplers.Gp;

/// <summary>The kernel's hyperparameters: one inverse squared length scale per input (automatic relevance
/// determination), the kernel scale (prior variance of the standardised objective) and the noise variance.</summary>
internal sealed record GpHyperparameters(double[] InverseSquaredLengthScales, double Scale, double Noise)
{
    /// <summary>Length scale 1, scale 1, noise 1: where a fit with no earlier fit to start from begins.</summary>
    public static GpHyperparameters Initial(int inputs) => new(Enumerable.Repeat(1.0, inputs).ToArray(), 1, 1);
}
