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
    DateTimeOffset GeneratedAt);
