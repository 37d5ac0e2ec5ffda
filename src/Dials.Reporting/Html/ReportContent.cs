using Dials.Analysis;

namespace Dials.Reporting.Html;

/// <summary>What goes into a study report: the study and whichever analyses were run on it.</summary>
/// <param name="Study">The study.</param>
/// <param name="Importance">Hyperparameter importances, or null to leave the chart out.</param>
/// <param name="Sensitivity">Sensitivity sweeps around the best trial, or null to leave them out.</param>
/// <param name="Uncertainty">Spreads and warnings for the top configurations, or null to leave them out.</param>
/// <param name="GeneratedAt">When the report was made (shown in it, so a shared file says how fresh it is).</param>
public sealed record ReportContent(
    StudySnapshot Study,
    ImportanceResult? Importance,
    SensitivityResult? Sensitivity,
    UncertaintyReport? Uncertainty,
    DateTimeOffset GeneratedAt)
{
    /// <summary>A learning-rate range test run for the study's model (<see cref="Practice.LearningRateRangeTest"/>): its
    /// curve and suggested rate get a section of their own; null leaves the section out.</summary>
    public Practice.LearningRateRangeResult? RangeTest { get; init; }

    /// <summary>Sections only the report's author can write (the same <see cref="Export.CardSection"/>s a model card
    /// takes: a population-based training schedule, data and split facts), shown before the trials; none by default.</summary>
    public IReadOnlyList<Export.CardSection> Sections { get; init; } = [];

    /// <summary>Runs every analysis a report shows on <paramref name="study"/>: importance, sensitivity around the best
    /// trial (predicted by the surrogate, so no objective runs) and uncertainty. An analysis the study is too small for
    /// is left out, and <paramref name="skipped"/> hears why, rather than failing the report.</summary>
    /// <param name="study">The study.</param>
    /// <param name="foldsPerTrial">Folds per trial when trials reported a running mean per cross-validation fold (as
    /// Dials.ML's objective does), so each configuration's spread is known; null otherwise.</param>
    /// <param name="seed">Seed of the surrogate, so a report can be made again exactly.</param>
    /// <param name="step">Hears the name of each step as it starts (for a progress display); may be null.</param>
    /// <param name="skipped">Hears (analysis name, reason) for each analysis left out; may be null.</param>
    public static ReportContent Analyse(StudySnapshot study, int? foldsPerTrial = null, int seed = 0,
        Action<string>? step = null, Action<string, string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        T? Attempt<T>(string name, string description, Func<T> analysis) where T : class
        {
            step?.Invoke(description);
            var attempt = AnalysisAttempt.Run(study, analysis);
            if (attempt.Skipped is { } why)
            {
                skipped?.Invoke(name, why);
            }

            return attempt.Result;
        }

        return new ReportContent(
            study,
            Attempt("importance", "Ranking hyperparameters", () => ParameterImportance.Evaluate(study, new ImportanceOptions { Seed = seed })),
            Attempt("sensitivity", "Sweeping around the best trial", () => Analysis.Sensitivity.FromSurrogate(study, new SensitivityOptions { Seed = seed })),
            Attempt("uncertainty", "Measuring the spread of the best configurations",
                () => Analysis.Uncertainty.Evaluate(study, new UncertaintyOptions { FoldsPerTrial = foldsPerTrial })),
            DateTimeOffset.UtcNow);
    }
}
