using System.Runtime.CompilerServices;
using Dials.Samplers.Qmc;

namespace Dials.Samplers;

/// <summary>
/// Quasi-Monte Carlo search: points of a low-discrepancy sequence (scrambled Sobol or Halton), which cover the space
/// more evenly than independent random draws, so a small budget leaves fewer holes. Mapped through each dimension's
/// unit mapping: log-uniform where <see cref="Dimension.Log"/>, one equal share per value where discrete; inactive
/// dimensions come back NaN.
/// </summary>
/// <remarks>
/// Trial <c>n</c> takes point <c>n</c> of the sequence, so parallel workers never take the same point and a
/// sequential study replays exactly. The scramble depends only on the seed: workers in several processes must share
/// it. Queued configurations take trial numbers too, so their sequence points are skipped. Its trials record the
/// strategy <c>QMC</c>, with the sequence and the point's index in it.
/// </remarks>
public sealed class QmcSampler : IProposingSampler, IMultiObjectiveSampler
{
    private readonly QmcSequenceKind kind;
    private readonly bool scramble;
    private readonly long seed;
    private readonly ConditionalWeakTable<SearchSpace, IQmcSequence> sequences = new();

    /// <summary>Creates a QMC sampler.</summary>
    /// <param name="kind">Sobol (the default) or Halton.</param>
    /// <param name="scramble">Whether to randomize the sequence by the seed (recommended: plain sequences start at
    /// the corner of the space and align their points in patterns).</param>
    /// <param name="seed">Seed of the scramble; null for a random seed.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a defined sequence.</exception>
    public QmcSampler(QmcSequenceKind kind = QmcSequenceKind.Sobol, bool scramble = true, int? seed = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"{(int)kind} is not a QMC sequence.", nameof(kind));
        }

        this.kind = kind;
        this.scramble = scramble;
        this.seed = seed ?? TrialRandom.NewSeed();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Sobol was chosen for a space with more dimensions than its table covers.</exception>
    public Proposal Propose(SamplingContext context) =>
        new(Sample(context), "QMC", $"point {context.TrialNumber} of the {(scramble ? "scrambled " : "")}{kind} sequence");

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Sobol was chosen for a space with more dimensions than its table covers.</exception>
    public double[] Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sequence = sequences.GetValue(context.Space, Create);
        var unit = new double[context.Space.Dimensions.Count];
        sequence.Fill(context.TrialNumber, unit);
        return context.Space.FromUnit(unit);
    }

    private IQmcSequence Create(SearchSpace space)
    {
        var random = scramble ? new TrialRandom(seed, trialNumber: 0, purpose: 0x5C4A) : null;
        var dimensions = space.Dimensions.Count;
        return kind == QmcSequenceKind.Sobol ? new SobolSequence(dimensions, random) : new HaltonSequence(dimensions, random);
    }
}
