namespace Dials.Reporting.Export;

/// <summary>How many trials a study holds in each state: the first thing anyone asks of a study.</summary>
/// <param name="Total">Every trial.</param>
/// <param name="Complete">Trials that returned a value.</param>
/// <param name="Pruned">Trials stopped early by the pruner.</param>
/// <param name="Failed">Trials that threw, timed out or lost their worker.</param>
/// <param name="Running">Trials not finished yet (or whose worker died and has not been noticed).</param>
public sealed record TrialCounts(int Total, int Complete, int Pruned, int Failed, int Running)
{
    /// <summary>Counts trials by state.</summary>
    /// <param name="trials">The trials.</param>
    public static TrialCounts Of(IEnumerable<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        int complete = 0, pruned = 0, failed = 0, running = 0;
        foreach (var trial in trials)
        {
            switch (trial.State)
            {
                case TrialState.Complete: complete++; break;
                case TrialState.Pruned: pruned++; break;
                case TrialState.Failed: failed++; break;
                default: running++; break;
            }
        }

        return new TrialCounts(complete + pruned + failed + running, complete, pruned, failed, running);
    }
}
