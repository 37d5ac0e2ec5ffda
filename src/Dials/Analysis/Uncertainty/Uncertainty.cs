namespace Dials.Analysis;

/// <summary>Whether a study's best result stands out from noise.</summary>
public static class Uncertainty
{
    /// <summary>Spreads of the best configurations (from folds or repeated points) and the warnings they call for.</summary>
    /// <param name="study">The study.</param>
    /// <param name="options">Top count, folds, thresholds; defaults when null.</param>
    /// <exception cref="InvalidOperationException">The study has no complete trial.</exception>
    public static UncertaintyReport Evaluate(StudySnapshot study, UncertaintyOptions? options = null) =>
        throw new NotImplementedException("issue 8: uncertainty helper");
}
