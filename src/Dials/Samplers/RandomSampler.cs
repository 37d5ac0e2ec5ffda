namespace Dials.Samplers;

/// <summary>
/// Draws every dimension independently and uniformly: uniform in value for linear dimensions, log-uniform where
/// <see cref="Dimension.Log"/> (and for powers of two), one equal chance per value for discrete ones. Inactive
/// dimensions come back NaN. The baseline every other strategy must beat, and the start-up phase of model-based ones.
/// </summary>
/// <remarks>The draws of a trial depend only on the seed and the trial's number: parallel workers never repeat each
/// other's points, and a sequential study with a seed replays exactly. Its trials record the strategy <c>random</c>.</remarks>
public sealed class RandomSampler : IProposingSampler, IMultiObjectiveSampler
{
    private readonly long seed;

    /// <summary>Creates a random sampler.</summary>
    /// <param name="seed">Seed of every trial's random stream; null for a random seed.</param>
    public RandomSampler(int? seed = null)
    {
        this.seed = seed ?? TrialRandom.NewSeed();
    }

    /// <inheritdoc />
    public Proposal Propose(SamplingContext context) => new(Sample(context), "random");

    /// <inheritdoc />
    public double[] Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var random = new TrialRandom(seed, context.TrialNumber);
        var unit = new double[context.Space.Dimensions.Count];
        for (var i = 0; i < unit.Length; i++)
        {
            unit[i] = random.NextDouble();
        }

        // The dimension's own mapping turns a uniform unit draw into a log-uniform or per-value-uniform one.
        return context.Space.FromUnit(unit);
    }
}
