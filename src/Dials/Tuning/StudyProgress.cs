using Dials.Pruners;

namespace Dials;

/// <summary>What <see cref="Study{T}.OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, IProgress{StudyProgress}?, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>
/// reports after each trial it finishes: that trial, how far the study is, and the best trial so far.</summary>
/// <param name="Trial">The trial just finished, as the storage recorded it (complete, pruned or failed).</param>
/// <param name="Finished">How many trials of the study are finished now, counting those of earlier runs and of other
/// workers on the same storage: the figure to set against <paramref name="Budget"/>.</param>
/// <param name="Budget">The study's total budget of trials (the <c>trials</c> argument); null for no limit.</param>
/// <param name="Best">The best complete trial so far (it may be <paramref name="Trial"/>); null while none has completed.</param>
public sealed record StudyProgress(TrialResult Trial, int Finished, int? Budget, TrialResult? Best)
{
    /// <summary>Whether <see cref="Trial"/> is the best trial so far.</summary>
    public bool IsNewBest => Best is not null && Best.Number == Trial.Number;

    /// <summary>The progress after trial <paramref name="number"/>, read from the study's records.</summary>
    internal static StudyProgress From(IReadOnlyList<TrialRecord> records, int number, int? budget, Direction direction,
        int dimensions, Func<TrialRecord, TrialResult> toResult)
    {
        var finished = 0;
        TrialRecord? best = null;
        foreach (var record in records)
        {
            finished += record.IsFinished ? 1 : 0;
            // As in GetResult: a complete trial without its point (a damaged journal lost that line) is not a best.
            if (record is { State: TrialState.Complete, Value: { } value } && record.Point.Count == dimensions
                && (best is null || Curves.IsBetter(value, best.Value!.Value, direction)))
            {
                best = record;
            }
        }

        return new StudyProgress(toResult(records[number]), finished, budget, best is null ? null : toResult(best));
    }
}
