using Dials.Storage;

namespace Dials;

/// <summary>
/// Everything the analyses need about a study, read once: its name, direction, search space and trials. It is what a
/// running <see cref="Study{T}"/> holds and also what a storage alone gives (the space rebuilt from its signature), so
/// the same analyses serve code and the <c>dials</c> command.
/// </summary>
/// <param name="Name">The study's name.</param>
/// <param name="Direction">Whether smaller or larger values are better.</param>
/// <param name="Space">The search space its points belong to.</param>
/// <param name="Trials">Every trial, in number order.</param>
public sealed record StudySnapshot(string Name, Direction Direction, SearchSpace Space, IReadOnlyList<TrialRecord> Trials)
{
    private readonly IReadOnlyList<Direction>? directions;

    /// <summary>The study's directions, one per objective: [<see cref="Direction"/>] unless it has several objectives,
    /// whose values are each trial's <see cref="TrialRecord.ObjectiveValues"/>.</summary>
    public IReadOnlyList<Direction> Directions
    {
        get => directions ?? [Direction];
        init => directions = value is { Count: > 0 } ? value : null;
    }

    private readonly IReadOnlyList<string>? objectiveNames;

    /// <summary>The objectives' names in the order of <see cref="Directions"/> (<see cref="StudyOptions.ObjectiveNames"/>),
    /// or null when the study stored none. Setting an empty list means null.</summary>
    public IReadOnlyList<string>? ObjectiveNames
    {
        get => objectiveNames;
        init => objectiveNames = value is { Count: > 0 } ? value : null;
    }

    /// <summary>Whether the study has several objectives (then <see cref="Complete"/> and <see cref="Best"/> are empty:
    /// a multi-objective trial has no single value).</summary>
    public bool IsMultiObjective => Directions.Count > 1;

    // Cached with the list it was computed from: a record copy made by `with { Trials = ... }` carries the field over,
    // and must not answer with the old trials.
    private (IReadOnlyList<TrialRecord> From, IReadOnlyList<TrialRecord> Complete)? complete;

    /// <summary>The complete trials with a finite value and a point, in number order: what analyses learn from.</summary>
    public IReadOnlyList<TrialRecord> Complete
    {
        get
        {
            if (complete is not { } cached || !ReferenceEquals(cached.From, Trials))
            {
                cached = (Trials, [.. Trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)
                    && t.Point.Count == Space.Dimensions.Count)]);
                complete = cached;
            }

            return cached.Complete;
        }
    }

    /// <summary>The best feasible complete trial (the lowest-numbered among equals), or null when none completed or every
    /// one broke a constraint: as for <see cref="StudyResult{T}.Best"/>, an infeasible trial is never the best.</summary>
    public TrialRecord? Best => Complete
        .Where(t => t.Constraints is not { } constraints || constraints.All(c => c.Value <= 0))
        .Aggregate((TrialRecord?)null, (best, t) => best is null || IsBetter(t.Value!.Value, best.Value!.Value) ? t : best);

    /// <summary>Whether <paramref name="value"/> is strictly better than <paramref name="than"/> in this study's direction.</summary>
    public bool IsBetter(double value, double than) => Pruners.Curves.IsBetter(value, than, Direction);

    /// <summary>Reads a study from a storage, rebuilding its space from the stored signature.</summary>
    /// <param name="storage">The storage.</param>
    /// <param name="name">The study's name.</param>
    /// <exception cref="InvalidOperationException">No study of that name; the message lists the studies there are.</exception>
    public static StudySnapshot Load(IStudyStorage storage, string name)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var studies = storage.ListStudies();
        var stored = studies.FirstOrDefault(s => s.Name == name) ?? throw new InvalidOperationException(
            studies.Count == 0
                ? $"There is no study '{name}': the storage holds no studies."
                : $"There is no study '{name}'. The storage holds: {string.Join(", ", studies.Select(s => $"'{s.Name}'"))}.");
        return Load(storage, stored);
    }

    /// <summary>Reads the study <paramref name="stored"/> describes (one of <see cref="IStudyStorage.ListStudies"/>):
    /// its trials, its space rebuilt from the stored signature, its directions and objective names.</summary>
    /// <param name="storage">The storage that listed it.</param>
    /// <param name="stored">The study's record.</param>
    public static StudySnapshot Load(IStudyStorage storage, StoredStudy stored)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(stored);
        return new StudySnapshot(stored.Name, stored.Direction, SearchSpace.FromSignature(stored.SpaceSignature), storage.ReadTrials(stored.Name))
        {
            Directions = stored.Directions,
            ObjectiveNames = stored.ObjectiveNames,
        };
    }
}
