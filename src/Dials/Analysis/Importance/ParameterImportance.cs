namespace Dials.Analysis;

/// <summary>Which dimensions of a study mattered.</summary>
public static class ParameterImportance
{
    /// <summary>Estimates each dimension's importance from the study's complete trials.</summary>
    /// <param name="study">The study.</param>
    /// <param name="options">Method, trees, seed; defaults when null.</param>
    /// <returns>The importances, most important first.</returns>
    /// <exception cref="InvalidOperationException">The study has fewer than two complete trials.</exception>
    public static ImportanceResult Evaluate(StudySnapshot study, ImportanceOptions? options = null) =>
        throw new NotImplementedException("issue 8: importance helper");
}
