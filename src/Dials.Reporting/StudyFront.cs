using Dials.MultiObjective;

namespace Dials.Reporting;

/// <summary>
/// A study's complete trials as a view of several objectives shows them: the Pareto front (the feasible trials no
/// other feasible trial dominates), the other feasible trials, and the infeasible ones, which are never on the front.
/// The same rule as <see cref="StudyResult{T}.ParetoFront"/>, read from a <see cref="StudySnapshot"/> so the report,
/// the model card and the <c>dials</c> command agree. On a single-objective study the front is the feasible trials
/// with the best value (several when they tie).
/// </summary>
/// <param name="Directions">One direction per objective.</param>
/// <param name="Front">The trials on the Pareto front, in number order.</param>
/// <param name="Dominated">The feasible trials off the front, in number order.</param>
/// <param name="Infeasible">The trials with a constraint above 0, in number order.</param>
public sealed record StudyFront(
    IReadOnlyList<Direction> Directions,
    IReadOnlyList<TrialRecord> Front,
    IReadOnlyList<TrialRecord> Dominated,
    IReadOnlyList<TrialRecord> Infeasible)
{
    /// <summary>The objectives' names stored with the study (<see cref="StudySnapshot.ObjectiveNames"/>), or null when
    /// they are unnamed.</summary>
    public IReadOnlyList<string>? ObjectiveNames { get; init; }

    /// <summary>Sorts the complete trials of <paramref name="study"/> that have a configuration and one finite value per
    /// objective; the others (running, pruned, failed, damaged) are in none of the lists.</summary>
    /// <param name="study">The study.</param>
    public static StudyFront Of(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var scored = study.Trials.Where(t => HasValues(study, t)).ToList();
        var feasible = scored.Where(IsFeasible).ToList();
        var onFront = ParetoFront.Indices([.. feasible.Select(t => t.ObjectiveValues)], study.Directions).Select(i => feasible[i]).ToList();
        var front = onFront.Select(t => t.Number).ToHashSet();
        return new StudyFront(study.Directions, onFront, [.. feasible.Where(t => !front.Contains(t.Number))], [.. scored.Where(t => !IsFeasible(t))])
        {
            ObjectiveNames = study.ObjectiveNames,
        };
    }

    /// <summary>Whether every constraint the trial set is satisfied (at most 0); a trial without constraints is.</summary>
    /// <param name="trial">The trial.</param>
    public static bool IsFeasible(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.Constraints is not { } constraints || constraints.All(c => c.Value <= 0);
    }

    /// <summary>Whether a trial is complete with its configuration and one finite value per objective of the study.</summary>
    /// <param name="study">The study.</param>
    /// <param name="trial">One of its trials.</param>
    public static bool HasValues(StudySnapshot study, TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(trial);
        return trial.State == TrialState.Complete && trial.Point.Count == study.Space.Dimensions.Count
            && trial.ObjectiveValues.Count == study.Directions.Count && trial.ObjectiveValues.All(double.IsFinite);
    }

    /// <summary>The complete trials with a value per objective, best first: by non-dominated rank (the front first, then
    /// the trials only the front dominates, and so on; infeasible trials after every feasible one, as constrained
    /// domination ranks them), each rank along the first objective. On a single-objective study, the feasible trials
    /// by value, then the infeasible ones.</summary>
    /// <param name="study">The study.</param>
    public static IReadOnlyList<TrialRecord> Ranked(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var scored = study.Trials.Where(t => HasValues(study, t)).ToList();
        var ranks = NondominatedSort.Ranks([.. scored.Select(t => t.ObjectiveValues)], study.Directions,
            [.. scored.Select(t => (IReadOnlyList<double>)[.. (t.Constraints ?? []).Select(c => c.Value)])]);
        var sign = study.Directions[0] == Direction.Minimize ? 1 : -1;
        return [.. scored.Select((t, i) => (Trial: t, Rank: ranks[i]))
            .OrderBy(p => p.Rank).ThenBy(p => sign * p.Trial.ObjectiveValues[0]).ThenBy(p => p.Trial.Number).Select(p => p.Trial)];
    }

    /// <summary>The number of feasible trials (on the front or not).</summary>
    public int Feasible => Front.Count + Dominated.Count;

    /// <summary>The front ordered along the first objective, best first (then by number), as a table or a staircase
    /// reads it.</summary>
    public IReadOnlyList<TrialRecord> FrontAlongFirst =>
        [.. Front.OrderBy(t => Directions[0] == Direction.Minimize ? t.ObjectiveValues[0] : -t.ObjectiveValues[0]).ThenBy(t => t.Number)];

    /// <summary>"objective 1 (minimise)": how tables and charts name an objective of a study that stores no names.</summary>
    /// <param name="directions">The study's directions.</param>
    /// <param name="index">The objective's index, from 0.</param>
    public static string ObjectiveName(IReadOnlyList<Direction> directions, int index) => ObjectiveName(directions, null, index);

    /// <summary>"rmse (minimise)": how tables and charts name an objective, by its stored name, or "objective 1
    /// (minimise)" when the study has none.</summary>
    /// <param name="directions">The study's directions.</param>
    /// <param name="names">The objectives' names (<see cref="StudySnapshot.ObjectiveNames"/>); null when unnamed.</param>
    /// <param name="index">The objective's index, from 0.</param>
    public static string ObjectiveName(IReadOnlyList<Direction> directions, IReadOnlyList<string>? names, int index)
    {
        ArgumentNullException.ThrowIfNull(directions);
        return $"{ObjectiveLabel(names, index)} ({(directions[index] == Direction.Minimize ? "minimise" : "maximise")})";
    }

    /// <summary>"rmse", or "objective 1" when the study stores no names: an objective named in running text.</summary>
    /// <param name="names">The objectives' names; null when unnamed.</param>
    /// <param name="index">The objective's index, from 0.</param>
    public static string ObjectiveLabel(IReadOnlyList<string>? names, int index) =>
        names is { } known && index < known.Count ? known[index] : $"objective {index + 1}";

    /// <summary>At most <paramref name="most"/> items at even steps through the list, the first and last included.</summary>
    internal static IReadOnlyList<T> Spread<T>(IReadOnlyList<T> items, int most)
    {
        if (items.Count <= most)
        {
            return items;
        }

        return [.. Enumerable.Range(0, most).Select(k => (int)Math.Round(k * (items.Count - 1) / (double)(most - 1))).Distinct().Select(i => items[i])];
    }
}
