using System.Reflection;
using Dials.Analysis;

namespace Dials.Reporting.Export;

/// <summary>
/// What a model card says about a tuned study: enough to reproduce the winner and to judge how far to trust it. Built
/// from a <see cref="StudySnapshot"/> (so it serves code and the <c>dials</c> command alike), written by
/// <see cref="ModelCardMarkdown"/> and <see cref="ModelCardJson"/>.
/// </summary>
/// <param name="Study">The study's name.</param>
/// <param name="Direction">Whether smaller or larger values were better.</param>
/// <param name="SearchSpace">One line per dimension: kind, bounds, scale, grid, choices, condition.</param>
/// <param name="Trials">Trial counts by state.</param>
/// <param name="Strategies">The trials each strategy proposed and the best it found, in order of first use.</param>
/// <param name="Best">The best feasible complete trial, or null when none completed (and in a study of several objectives,
/// whose <see cref="Front"/> takes its place).</param>
/// <param name="Uncertainty">Top configurations with their spreads and the warnings they call for, or null when not
/// evaluated.</param>
/// <param name="Importance">Hyperparameter importances, or null when not evaluated.</param>
/// <param name="Notes">Analyses skipped and why, in plain sentences.</param>
/// <param name="GeneratedAt">When the card was made.</param>
/// <param name="DialsVersion">The Dials version that made it.</param>
/// <param name="Sections">Sections only the card's author can write (data, split, held-out scores, versions), after the
/// study's own; none by default. Add them with <c>card with { Sections = [...] }</c>.</param>
public sealed record ModelCard(
    string Study,
    Direction Direction,
    IReadOnlyList<string> SearchSpace,
    TrialCounts Trials,
    IReadOnlyList<StrategySummary> Strategies,
    BestConfiguration? Best,
    UncertaintyReport? Uncertainty,
    ImportanceResult? Importance,
    IReadOnlyList<string> Notes,
    DateTimeOffset GeneratedAt,
    string DialsVersion,
    IReadOnlyList<CardSection>? Sections = null)
{
    /// <summary>The Pareto front of a study of several objectives (<see cref="Best"/> is then null: no single trial is
    /// best); null for a single-objective study.</summary>
    public ParetoSummary? Front { get; init; }

    /// <summary>The configuration chosen from <see cref="Front"/> and why; null when none was chosen. The caller that
    /// applied the selection rule sets it: <c>card with { Chosen = new ChosenPoint(12, "lowest error with latency at
    /// most 5 ms") }</c>.</summary>
    public ChosenPoint? Chosen { get; init; }

    /// <summary>What the search cost in trial time and processor time; null when not given.</summary>
    public TuningCost? Cost { get; init; }

    /// <summary>The best value's gain over the declared defaults, when the study ran them; null otherwise.</summary>
    public DefaultsGain? Gain { get; init; }

    /// <summary>The price of one CPU-hour (any currency), to put a price on <see cref="Cost"/>; null to leave it out.</summary>
    public double? PricePerCpuHour { get; init; }

    /// <summary>The study's directions, one per objective: [<see cref="Direction"/>] for a single-objective study.</summary>
    public IReadOnlyList<Direction> Directions => Front?.Directions ?? [Direction];

    /// <summary>The objectives' names stored with a study of several objectives; null when they are unnamed (and for a
    /// single-objective study).</summary>
    public IReadOnlyList<string>? ObjectiveNames => Front?.ObjectiveNames;

    /// <summary>The card of a study with analyses already run (either may be null to leave it out).</summary>
    /// <param name="study">The study.</param>
    /// <param name="importance">Its importances, or null.</param>
    /// <param name="uncertainty">Its uncertainty report, or null.</param>
    /// <param name="generatedAt">When the card is made.</param>
    /// <param name="notes">Analyses skipped and why.</param>
    public static ModelCard From(StudySnapshot study, ImportanceResult? importance, UncertaintyReport? uncertainty,
        DateTimeOffset generatedAt, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        return new ModelCard(
            study.Name,
            study.Direction,
            [.. study.Space.Dimensions.Select(d => d.ToString())],
            TrialCounts.Of(study.Trials),
            StrategySummary.Of(study),
            study.Best is { } best ? BestConfiguration.Of(study.Space, best) : null,
            uncertainty,
            importance,
            notes ?? [],
            generatedAt,
            DialsVersionText)
        {
            Front = study.IsMultiObjective ? ParetoSummary.Of(study) : null,
            Cost = TuningCost.Of(study.Trials),
            Gain = TuningCost.GainOverDefaults(study),
        };
    }

    /// <summary>Runs the importance and uncertainty analyses and builds the card; an analysis the study is too small for
    /// is left out with a note.</summary>
    /// <param name="study">The study.</param>
    /// <param name="importance">Importance settings; defaults when null.</param>
    /// <param name="uncertainty">Uncertainty settings; defaults when null.</param>
    /// <param name="generatedAt">When the card is made.</param>
    public static ModelCard Build(StudySnapshot study, ImportanceOptions? importance, UncertaintyOptions? uncertainty,
        DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(study);
        var importances = AnalysisAttempt.Run(study, () => ParameterImportance.Evaluate(study, importance));
        var spreads = AnalysisAttempt.Run(study, () => Analysis.Uncertainty.Evaluate(study, uncertainty));
        List<string> notes = [];
        if (importances.Skipped is { } why)
        {
            notes.Add(NotEvaluated("importance", why));
        }

        if (spreads.Skipped is { } because)
        {
            notes.Add(NotEvaluated("uncertainty", because));
        }

        return From(study, importances.Result, spreads.Result, generatedAt, notes);
    }

    /// <summary>The card of a study whose report was just analysed: the report's importance and uncertainty, so the two
    /// never disagree and nothing is computed twice; the analyses the report left out are the card's notes.</summary>
    /// <param name="content">The report's content.</param>
    /// <param name="skipped">The (analysis, reason) pairs <see cref="Html.ReportContent.Analyse"/> reported.</param>
    public static ModelCard From(Html.ReportContent content, IEnumerable<(string Analysis, string Reason)> skipped)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(skipped);
        return From(content.Study, content.Importance, content.Uncertainty, content.GeneratedAt,
            [.. skipped.Select(s => NotEvaluated(s.Analysis, s.Reason))]);
    }

    /// <summary>The note for an analysis left out: "Importance not evaluated: REASON".</summary>
    private static string NotEvaluated(string analysis, string reason) =>
        $"{char.ToUpperInvariant(analysis[0])}{analysis[1..]} not evaluated: {reason}";

    /// <summary>The informational version of the Dials assembly, without any <c>+commit</c> suffix.</summary>
    public static string DialsVersionText { get; } =
        (typeof(StudySnapshot).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? typeof(StudySnapshot).Assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];
}

/// <summary>A study's best trial and its configuration.</summary>
/// <param name="Trial">The trial's number.</param>
/// <param name="Value">Its objective value.</param>
/// <param name="Point">Its point (NaN where inactive).</param>
/// <param name="Parameters">Its active parameters in the space's order.</param>
/// <param name="Strategy">The strategy that proposed it (see <see cref="TrialRecord.Strategy"/>); null when not recorded.</param>
/// <param name="StrategyReason">Why that strategy proposed it; null when there is nothing to add.</param>
public sealed record BestConfiguration(int Trial, double Value, IReadOnlyList<double> Point, IReadOnlyList<ParameterValue> Parameters,
    string? Strategy = null, string? StrategyReason = null)
{
    /// <summary>The configuration of a complete trial.</summary>
    /// <param name="space">The study's space.</param>
    /// <param name="trial">A complete trial with a point of that space.</param>
    public static BestConfiguration Of(SearchSpace space, TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(trial);
        if (trial.Value is not { } value)
        {
            throw new ArgumentException($"Trial {trial.Number} has no value.", nameof(trial));
        }

        return new BestConfiguration(trial.Number, value, trial.Point, ParameterValue.Of(space, trial.Point), trial.Strategy, trial.StrategyReason);
    }
}

/// <summary>One active parameter of a configuration.</summary>
/// <param name="Name">The dimension's full name.</param>
/// <param name="Value">Its typed value (a choice, a <see cref="long"/> or a <see cref="double"/>).</param>
/// <param name="Text">It as people read it.</param>
public sealed record ParameterValue(string Name, object Value, string Text)
{
    /// <summary>The active parameters of a point, in the space's order.</summary>
    /// <param name="space">The space.</param>
    /// <param name="point">A point of it (NaN where inactive).</param>
    public static IReadOnlyList<ParameterValue> Of(SearchSpace space, IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(point);
        if (point.Count != space.Dimensions.Count)
        {
            return [];
        }

        return [.. space.Dimensions
            .Select((d, i) => (Dimension: d, Value: point[i]))
            .Where(p => !double.IsNaN(p.Value))
            .Select(p => new ParameterValue(p.Dimension.Name, p.Dimension.ToValue(p.Value), p.Dimension.Format(p.Value)))];
    }
}
