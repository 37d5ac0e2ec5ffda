using Dials.Analysis;

namespace Dials.Reporting.Export;

/// <summary>The Pareto front of a study of several objectives as a <see cref="ModelCard"/> gives it: every front trial
/// (along the first objective, best first), and how many feasible and infeasible complete trials it was drawn from.
/// The writers show at most <see cref="MostRows"/> of them (<see cref="Shown"/>) with the count.</summary>
/// <param name="Directions">One direction per objective.</param>
/// <param name="Trials">The front's trials along the first objective, best first.</param>
/// <param name="Feasible">The feasible complete trials, on the front or not.</param>
/// <param name="Infeasible">The complete trials that broke a constraint (never on the front).</param>
public sealed record ParetoSummary(IReadOnlyList<Direction> Directions, IReadOnlyList<FrontTrial> Trials, int Feasible, int Infeasible)
{
    /// <summary>Rows a card shows at most: enough to see the trade-off, short enough to read; a longer front is shown
    /// evenly spread along the first objective with both ends.</summary>
    public const int MostRows = 20;

    /// <summary>The objectives' names stored with the study, in the order of <see cref="Directions"/>; null when
    /// they are unnamed.</summary>
    public IReadOnlyList<string>? ObjectiveNames { get; init; }

    /// <summary>The rows a card shows: every front trial, or <see cref="MostRows"/> spread along the first objective.</summary>
    public IReadOnlyList<FrontTrial> Shown => StudyFront.Spread(Trials, MostRows);

    /// <summary>The front of <paramref name="study"/>.</summary>
    /// <param name="study">The study.</param>
    public static ParetoSummary Of(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var front = StudyFront.Of(study);
        return new ParetoSummary(study.Directions,
            [.. front.FrontAlongFirst.Select(t => new FrontTrial(t.Number, t.ObjectiveValues, t.Constraints ?? [], t.Point,
                ParameterValue.Of(study.Space, t.Point), t.Strategy))],
            front.Feasible, front.Infeasible.Count)
        {
            ObjectiveNames = study.ObjectiveNames,
        };
    }

    /// <summary>The front trial numbered <paramref name="trial"/>, or null when it is not on the front.</summary>
    /// <param name="trial">A trial number.</param>
    public FrontTrial? Find(int trial) => Trials.FirstOrDefault(t => t.Trial == trial);
}

/// <summary>One trial of a <see cref="ParetoSummary"/>.</summary>
/// <param name="Trial">The trial's number.</param>
/// <param name="Values">Its objective values, one per objective.</param>
/// <param name="Constraints">Its constraint values (all at most 0); empty when it set none.</param>
/// <param name="Point">Its point (NaN where inactive).</param>
/// <param name="Parameters">Its active parameters in the space's order.</param>
/// <param name="Strategy">The strategy that proposed it; null when not recorded.</param>
public sealed record FrontTrial(int Trial, IReadOnlyList<double> Values, IReadOnlyList<ConstraintValue> Constraints, IReadOnlyList<double> Point,
    IReadOnlyList<ParameterValue> Parameters, string? Strategy);

/// <summary>The configuration picked from a study's Pareto front where one is needed, and the rule that picked it, in
/// words ("lowest error with latency at most 5 ms"). The caller that applied the rule fills it in
/// (<c>card with { Chosen = ... }</c>); the card shows the trial's values and parameters beside the reason.</summary>
/// <param name="TrialNumber">The chosen trial's number.</param>
/// <param name="Why">The rule that chose it, in a sentence.</param>
public sealed record ChosenPoint(int TrialNumber, string Why);
