namespace Dials.Storage;

/// <summary>What a storage keeps about a study itself, so that workers joining it can check they search the same
/// space in the same directions.</summary>
/// <param name="Name">The study's name, unique in its storage.</param>
/// <param name="Direction">Whether smaller or larger objective values are better (the first objective's direction in a
/// study of several objectives).</param>
/// <param name="SpaceSignature">The search space's <see cref="SearchSpace.Signature"/> (a versioned JSON document; the
/// display lines of Dials 0.1.0 in a study stored by that version).</param>
public sealed record StoredStudy(string Name, Direction Direction, string SpaceSignature)
{
    private readonly IReadOnlyList<Direction>? directions;

    /// <summary>The study's directions, one per objective: [<see cref="Direction"/>] for a single-objective study and
    /// for every study stored before several objectives existed. Setting an empty list means that default.</summary>
    public IReadOnlyList<Direction> Directions
    {
        get => directions ?? [Direction];
        init => directions = value is { Count: > 0 } ? value : null;
    }

    private readonly IReadOnlyList<string>? objectiveNames;

    /// <summary>The objectives' names, one per direction ("rmse", "latency"), or null when the study was created without
    /// them (<see cref="StudyOptions.ObjectiveNames"/>) or stored before names were kept. Setting an empty list means null.</summary>
    public IReadOnlyList<string>? ObjectiveNames
    {
        get => objectiveNames;
        init => objectiveNames = value is { Count: > 0 } ? value : null;
    }

    /// <summary>Whether the study has several objectives.</summary>
    public bool IsMultiObjective => Directions.Count > 1;

    /// <summary>Equal when name, space, every direction and every objective name agree (the lists compared by their
    /// values).</summary>
    public bool Equals(StoredStudy? other) =>
        other is not null && Name == other.Name && Direction == other.Direction && SpaceSignature == other.SpaceSignature
        && Directions.SequenceEqual(other.Directions)
        && (ObjectiveNames ?? []).SequenceEqual(other.ObjectiveNames ?? [], StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Direction, SpaceSignature, Directions.Count);
}
