namespace Dials.Samplers.Tests.Nsga;

/// <summary>Drives a sampler through a sequential study of one or several objectives, with constraints, without a
/// storage: each proposal is recorded as a complete trial before the next is asked.</summary>
internal static class MultiObjectiveRuns
{
    /// <summary>The trials of <paramref name="count"/> proposals, each with its values, constraints and strategy.</summary>
    public static List<TrialRecord> Drive(ISampler sampler, SearchSpace space, IReadOnlyList<Direction> directions,
        Func<double[], double[]> evaluate, int count, Func<double[], double[]>? constraints = null)
    {
        var trials = new List<TrialRecord>(count);
        for (var n = 0; n < count; n++)
        {
            var context = new SamplingContext(space, directions[0], trials, n) { Directions = directions };
            var proposal = sampler is IProposingSampler proposing ? proposing.Propose(context) : new Proposal(sampler.Sample(context), "?");
            var values = evaluate(proposal.Point);
            var constraintValues = constraints?.Invoke(proposal.Point).Select((v, i) => new ConstraintValue($"c{i}", v)).ToArray();
            trials.Add(new TrialRecord(n, TrialState.Complete, proposal.Point, directions.Count == 1 ? values[0] : null, [],
                DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), Strategy: proposal.Strategy, StrategyReason: proposal.Reason,
                Values: directions.Count == 1 ? null : values, Constraints: constraintValues));
        }

        return trials;
    }
}
