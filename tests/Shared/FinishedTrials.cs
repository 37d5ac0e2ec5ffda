using Dials.Storage;

namespace Dials.Testing;

/// <summary>How many trials of a study have finished, counted from what the storage reads back (the storage contract
/// keeps no count of its own).</summary>
internal static class FinishedTrials
{
    /// <summary>The trials of <paramref name="study"/> that are complete, pruned or failed.</summary>
    public static int CountFinished(this IStudyStorage storage, string study) => storage.ReadTrials(study).Count(t => t.IsFinished);
}
