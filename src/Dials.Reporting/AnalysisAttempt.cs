namespace Dials.Reporting;

/// <summary>The outcome of an analysis that a study may be too small for: its result, or why it was skipped. Reports
/// and model cards leave a skipped analysis out and say why, rather than fail as a whole.</summary>
/// <typeparam name="T">The analysis's result.</typeparam>
/// <param name="Result">The result, or null when skipped.</param>
/// <param name="Skipped">Why it was skipped (the analysis's own message), or null when it ran.</param>
public sealed record AnalysisAttempt<T>(T? Result, string? Skipped) where T : class;

/// <summary>Runs analyses that refuse studies too small for them.</summary>
public static class AnalysisAttempt
{
    /// <summary>Runs <paramref name="analysis"/>; an <see cref="InvalidOperationException"/>, which the analyses throw
    /// when a study has too few complete trials for them, becomes a skip with its message. Other exceptions are bugs
    /// or bad input and propagate.</summary>
    /// <typeparam name="T">The analysis's result.</typeparam>
    /// <param name="analysis">The analysis.</param>
    public static AnalysisAttempt<T> Run<T>(Func<T> analysis) where T : class
    {
        ArgumentNullException.ThrowIfNull(analysis);
        try
        {
            return new AnalysisAttempt<T>(analysis(), null);
        }
        catch (InvalidOperationException exception)
        {
            return new AnalysisAttempt<T>(null, exception.Message);
        }
    }

    /// <summary>Runs an analysis of <paramref name="study"/>'s objective values as <see cref="Run{T}(Func{T})"/> does,
    /// except on a study of several objectives: importance, sensitivity and uncertainty read one value per trial, so
    /// there they are skipped with a reason that points to the Pareto front rather than run on nothing.</summary>
    /// <typeparam name="T">The analysis's result.</typeparam>
    /// <param name="study">The study the analysis reads.</param>
    /// <param name="analysis">The analysis.</param>
    public static AnalysisAttempt<T> Run<T>(StudySnapshot study, Func<T> analysis) where T : class
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.IsMultiObjective
            ? new AnalysisAttempt<T>(null, OneObjectiveOnly(study))
            : Run(analysis);
    }

    /// <summary>Why an analysis of one value per trial does not run on a study of several objectives.</summary>
    /// <param name="study">A study of several objectives.</param>
    public static string OneObjectiveOnly(StudySnapshot study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return $"Study '{study.Name}' has {study.Directions.Count} objectives and this analysis reads one value per trial; see the Pareto front for the trade-offs.";
    }
}
