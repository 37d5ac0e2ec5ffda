using System.Diagnostics;
using Dials.Samplers;

namespace TuneMlNet;

/// <summary>
/// Wraps a sampler to add up the time it spends proposing, so the comparison can tell the sampler's own cost (a GP's
/// fit grows with the trials) from the cost of the cross-validations. Proposals pass through unchanged, strategy and
/// reason included.
/// </summary>
public sealed class TimedSampler(ISampler inner) : IProposingSampler
{
    private long ticks;

    /// <summary>The time spent in the wrapped sampler so far.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref ticks));

    /// <inheritdoc />
    public double[] Sample(SamplingContext context) => Propose(context).Point;

    /// <inheritdoc />
    public Proposal Propose(SamplingContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // A sampler that names no strategy is recorded under its type name, as the study itself would.
            return inner is IProposingSampler proposing ? proposing.Propose(context) : new Proposal(inner.Sample(context), inner.GetType().Name);
        }
        finally
        {
            Interlocked.Add(ref ticks, Stopwatch.GetTimestamp() - started);
        }
    }
}
