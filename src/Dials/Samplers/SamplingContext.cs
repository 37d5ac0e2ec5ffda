namespace Dials.Samplers;

/// <summary>What a sampler may look at when proposing a trial.</summary>
/// <param name="Space">The search space.</param>
/// <param name="Direction">Whether smaller or larger objective values are better (the first objective's direction in a
/// study of several objectives).</param>
/// <param name="Trials">Every trial of the study so far, of every state, in number order; running ones (value null)
/// let a sampler steer away from points already being evaluated. A multi-objective trial's values are
/// <see cref="TrialRecord.ObjectiveValues"/>; constraints set by the objective are <see cref="TrialRecord.Constraints"/>.</param>
/// <param name="TrialNumber">The number of the trial being proposed.</param>
public sealed record SamplingContext(SearchSpace Space, Direction Direction, IReadOnlyList<TrialRecord> Trials, int TrialNumber)
{
    private readonly IReadOnlyList<Direction>? directions;

    /// <summary>The study's directions, one per objective, in the order of <see cref="TrialRecord.ObjectiveValues"/>:
    /// [<see cref="Direction"/>] unless the study has several objectives. Only an
    /// <see cref="IMultiObjectiveSampler"/> is ever asked with more than one.</summary>
    public IReadOnlyList<Direction> Directions
    {
        get => directions ?? [Direction];
        init => directions = value is { Count: > 0 } ? value : throw new ArgumentException("A study has at least one objective.", nameof(value));
    }

    /// <summary>Whether the study has several objectives.</summary>
    public bool IsMultiObjective => Directions.Count > 1;
}
