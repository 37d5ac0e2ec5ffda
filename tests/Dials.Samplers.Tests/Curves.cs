using Dials.Pruners;

namespace Dials.Samplers.Tests;

/// <summary>Builds trials with constructed learning curves for pruner tests.</summary>
internal static class Curves
{
    /// <summary>A trial whose curve reports <paramref name="values"/> at steps 1, 2, 3, ...</summary>
    public static TrialRecord Trial(int number, TrialState state, params double[] values) =>
        At(number, state, values.Select((v, i) => new IntermediateValue(i + 1, v)).ToArray());

    /// <summary>A trial with the given reports.</summary>
    public static TrialRecord At(int number, TrialState state, params IntermediateValue[] reports) =>
        new(number, state, [], state == TrialState.Complete ? reports[^1].Value : null, reports, DateTimeOffset.UnixEpoch,
            state == TrialState.Running ? null : TimeSpan.Zero);

    /// <summary>Asks <paramref name="pruner"/> about <paramref name="running"/> among <paramref name="others"/>.</summary>
    public static bool Prunes(IPruner pruner, TrialRecord running, IEnumerable<TrialRecord> others,
        Direction direction = Direction.Minimize) =>
        pruner.ShouldPrune(new PruningContext(direction, [.. others, running], running));
}
