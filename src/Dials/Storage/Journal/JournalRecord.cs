namespace Dials.Storage.Journal;

/// <summary>
/// One line of a journal: an operation on a study, replayed in order to rebuild it. Fields not used by an operation
/// are omitted from the line; <see cref="JournalCodec"/> reads and writes it, and names each field in the line.
/// </summary>
internal sealed record JournalRecord
{
    public const string CreateStudy = "study";
    public const string Enqueue = "enqueue";
    public const string CreateTrial = "trial";
    public const string SetPoint = "point";
    public const string Report = "report";
    public const string Finish = "finish";
    public const string Heartbeat = "beat";

    /// <summary>The operation (<c>"op"</c>): one of the constants above.</summary>
    public required string Op { get; init; }

    /// <summary>The study's name (<c>"study"</c>).</summary>
    public required string Study { get; init; }

    /// <summary>The trial's number (<c>"n"</c>), on every trial line.</summary>
    public int? Number { get; init; }

    /// <summary>When a trial started or last showed life (<c>"at"</c>: "trial", "beat").</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The first objective's direction (<c>"direction"</c>: "study").</summary>
    public Direction? Direction { get; init; }

    /// <summary>Every objective's direction ("study"), written only for a study of several objectives: a
    /// single-objective study's line stays as it always was, and a line without it means [<see cref="Direction"/>].</summary>
    public Direction[]? Directions { get; init; }

    /// <summary>The objectives' names, one per direction ("study"), written only when the study has them: a line without
    /// it (every line written before names were kept) means unnamed objectives.</summary>
    public string[]? ObjectiveNames { get; init; }

    /// <summary>The search space's stored signature (<c>"space"</c>: "study").</summary>
    public string? Signature { get; init; }

    /// <summary>Internal values; NaN (an inactive dimension) is written as the string "NaN".</summary>
    public double[]? Point { get; init; }

    /// <summary>An intermediate value's step (<c>"step"</c>: "report").</summary>
    public long? Step { get; init; }

    /// <summary>An intermediate value ("report") or a finished trial's objective value ("finish") (<c>"value"</c>).</summary>
    public double? Value { get; init; }

    /// <summary>How a trial finished (<c>"state"</c>: "finish").</summary>
    public TrialState? State { get; init; }

    /// <summary>How long a finished trial ran, in ticks (<c>"ticks"</c>: "finish").</summary>
    public long? DurationTicks { get; init; }

    /// <summary>The processor time spent on a finished trial, in ticks ("finish"); absent when it was not measured
    /// (every line written before it was kept).</summary>
    public long? CpuTicks { get; init; }

    /// <summary><see cref="CpuTicks"/> as a time span.</summary>
    public TimeSpan? CpuTime => CpuTicks is { } ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>The strategy that chose a point (on "point" records); absent from journals written before strategies
    /// were recorded, whose trials then have none.</summary>
    public string? Strategy { get; init; }

    /// <summary>Why, in words: why a trial failed ("finish"), why a point was queued ("enqueue"), or why the strategy
    /// chose the point ("point").</summary>
    public string? Reason { get; init; }

    /// <summary>The objective values of a finished trial ("finish"), exactly as given, non-finite ones as the strings
    /// "NaN", "Infinity" and "-Infinity"; absent when none were recorded (every line written before value vectors were
    /// kept), and the trial then has none.</summary>
    public double[]? Values { get; init; }

    /// <summary>The constraint values of a finished trial ("finish"), in order; absent when none were recorded.</summary>
    public JournalConstraint[]? Constraints { get; init; }

    /// <summary>The "study" line for <paramref name="study"/>.</summary>
    public static JournalRecord For(StoredStudy study) => new()
    {
        Op = CreateStudy,
        Study = study.Name,
        Direction = study.Direction,
        Directions = study.IsMultiObjective ? [.. study.Directions] : null,
        ObjectiveNames = study.ObjectiveNames is { } names ? [.. names] : null,
        Signature = study.SpaceSignature,
    };

    /// <summary>The study a "study" line describes.</summary>
    public StoredStudy ToStoredStudy() =>
        new(Study, Direction ?? Directions?.FirstOrDefault() ?? Dials.Direction.Minimize, Signature ?? "")
        {
            Directions = Directions ?? [],
            ObjectiveNames = ObjectiveNames,
        };

    /// <summary>The constraint values of this line as a trial keeps them, or null when it has none.</summary>
    public ConstraintValue[]? ConstraintValues() => Constraints?.Select(c => new ConstraintValue(c.Name, c.Value)).ToArray();
}

/// <summary>One constraint value on a "finish" line: <c>{"name":"latency","value":0.5}</c>.</summary>
internal sealed record JournalConstraint
{
    /// <summary>The constraint's name (<c>"name"</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Its value, non-finite ones as strings like other numbers (<c>"value"</c>).</summary>
    public required double Value { get; init; }
}
