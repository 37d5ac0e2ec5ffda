namespace Dials;

/// <summary>What a study has found: every trial, the best feasible complete one (single objective) and the Pareto
/// front (any number of objectives).</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
public sealed class StudyResult<T>
{
    private readonly BestTrial<T>? best;

    internal StudyResult(string studyName, IReadOnlyList<TrialResult> trials, BestTrial<T>? best, IReadOnlyList<int>? damagedTrials = null,
        IReadOnlyList<Direction>? directions = null, IReadOnlyList<ParetoTrial<T>>? paretoFront = null)
    {
        StudyName = studyName;
        Trials = trials;
        this.best = best;
        DamagedTrials = damagedTrials ?? [];
        Directions = directions ?? [];
        ParetoFront = paretoFront ?? [];
    }

    /// <summary>The study's directions, one per objective.</summary>
    public IReadOnlyList<Direction> Directions { get; }

    /// <summary>The objectives' names in the order of <see cref="Directions"/> (<see cref="StudyOptions.ObjectiveNames"/>),
    /// or null when they are unnamed.</summary>
    public IReadOnlyList<string>? ObjectiveNames { get; init; }

    /// <summary>The feasible complete trials no other feasible complete trial dominates (at least as good in every
    /// objective and better in one), in number order: the trade-offs between the objectives. Trials with equal values
    /// are on it together. An infeasible trial (a constraint above 0) is never on it. On a single-objective study it
    /// holds the trials that share the best value.</summary>
    public IReadOnlyList<ParetoTrial<T>> ParetoFront { get; }

    /// <summary>Picks one configuration from <see cref="ParetoFront"/>: of the front trials that satisfy
    /// <paramref name="where"/>, the one best in objective <paramref name="objective"/> (the lowest-numbered among
    /// equals). "Lowest error with latency at most 5 ms" is <c>Select(0, t =&gt; t.Values[1] &lt;= 5)</c>; the best of
    /// all trials under such a rule is always on the front. For a weighted sum, take
    /// <c>ParetoFront.MinBy(t =&gt; w0 * t.Values[0] + w1 * t.Values[1])</c>.</summary>
    /// <param name="objective">The index of the objective to optimize, in the order of <see cref="Directions"/>.</param>
    /// <param name="where">Which front trials may be chosen; null for all.</param>
    /// <returns>The chosen front trial.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="objective"/> is not an objective's index.</exception>
    /// <exception cref="InvalidOperationException">No front trial satisfies <paramref name="where"/> (or the front is
    /// empty); the message says how many front trials there are.</exception>
    public ParetoTrial<T> Select(int objective, Func<ParetoTrial<T>, bool>? where = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(objective);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(objective, Directions.Count);
        ParetoTrial<T>? chosen = null;
        foreach (var trial in ParetoFront)
        {
            if ((where is null || where(trial)) && (chosen is null || Pruners.Curves.IsBetter(trial.Values[objective], chosen.Values[objective], Directions[objective])))
            {
                chosen = trial;
            }
        }

        return chosen ?? throw new InvalidOperationException(ParetoFront.Count == 0
            ? $"Study '{StudyName}' has no feasible complete trial, so there is nothing to select."
            : $"None of the {ParetoFront.Count} trials on the Pareto front of study '{StudyName}' satisfies the selection rule.");
    }

    /// <summary>Why the optimization run that returned this result ended early, as its stopping rule
    /// (<see cref="StudyOptions.StopWhen"/>) put it, for example "NoImprovementStop: no improvement of the best value
    /// (0.1234, trial 17) by more than 0 in the last 30 complete trials (patience 30)"; null when no rule stopped it.</summary>
    public string? StoppedBecause { get; internal set; }

    /// <summary>The study's name.</summary>
    public string StudyName { get; }

    /// <summary>Every trial, in number order.</summary>
    public IReadOnlyList<TrialResult> Trials { get; }

    /// <summary>The numbers of complete trials whose configuration the storage lost (a damaged journal line): they keep
    /// their value but cannot be <see cref="Best"/>. Empty for a sound storage.</summary>
    public IReadOnlyList<int> DamagedTrials { get; }

    /// <summary>Whether a feasible trial of a single-objective study completed, so that <see cref="Best"/> exists.</summary>
    public bool HasBest => best is not null;

    /// <summary>The feasible complete trial with the best value (the lowest-numbered among equals).</summary>
    /// <exception cref="InvalidOperationException">No feasible trial completed, or the study has several objectives
    /// (read <see cref="ParetoFront"/> or use <see cref="Select"/>); the message says which.</exception>
    public BestTrial<T> Best => best ?? throw new InvalidOperationException(NoBestMessage());

    private string NoBestMessage()
    {
        if (Directions.Count > 1)
        {
            return $"Study '{StudyName}' has {Directions.Count} objectives ({string.Join(", ", Directions)}), so no single best trial: " +
                "read ParetoFront for the trade-offs, or pick one with Select(objective, rule).";
        }

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

        var infeasible = Trials.Count(t => t.State == TrialState.Complete && !t.IsFeasible);
        if (infeasible > 0)
        {
            return $"No feasible trial of study '{StudyName}' completed ({counts}; {infeasible} complete but infeasible, a constraint above 0), so it has no best trial.{reason}";
        }

        return $"No trial of study '{StudyName}' completed ({counts}), so it has no best trial.{reason}";
    }
}
