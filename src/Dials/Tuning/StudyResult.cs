namespace Dials;

/// <summary>What a study has found: every trial, and the best complete one.</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
public sealed class StudyResult<T>
{
    private readonly BestTrial<T>? best;

    internal StudyResult(string studyName, IReadOnlyList<TrialResult> trials, BestTrial<T>? best, IReadOnlyList<int>? damagedTrials = null)
    {
        StudyName = studyName;
        Trials = trials;
        this.best = best;
        DamagedTrials = damagedTrials ?? [];
    }

    /// <summary>The study's name.</summary>
    public string StudyName { get; }

    /// <summary>Every trial, in number order.</summary>
    public IReadOnlyList<TrialResult> Trials { get; }

    /// <summary>The numbers of complete trials whose configuration the storage lost (a damaged journal line): they keep
    /// their value but cannot be <see cref="Best"/>. Empty for a sound storage.</summary>
    public IReadOnlyList<int> DamagedTrials { get; }

    /// <summary>Whether any trial completed, so that <see cref="Best"/> exists.</summary>
    public bool HasBest => best is not null;

    /// <summary>The complete trial with the best value (the lowest-numbered among equals).</summary>
    /// <exception cref="InvalidOperationException">No trial completed; the message says how the trials ended.</exception>
    public BestTrial<T> Best => best ?? throw new InvalidOperationException(NoBestMessage());

    private string NoBestMessage()
    {
        if (Trials.Count == 0)
        {
            return $"Study '{StudyName}' has no trials yet, so it has no best trial.";
        }

        var counts = string.Join(", ", Trials.GroupBy(t => t.State).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        var firstFailure = Trials.FirstOrDefault(t => t.State == TrialState.Failed);
        var reason = firstFailure is null ? "" : $" Trial {firstFailure.Number} failed because {firstFailure.FailReason}.";
        if (DamagedTrials.Count > 0)
        {
            return $"No trial of study '{StudyName}' can be the best ({counts}): the configuration of complete trial(s) {string.Join(", ", DamagedTrials)} was lost from the storage.{reason}";
        }

        return $"No trial of study '{StudyName}' completed ({counts}), so it has no best trial.{reason}";
    }
}
