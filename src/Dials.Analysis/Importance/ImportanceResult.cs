namespace Dials.Analysis;

/// <summary>How important each dimension of a study was: the share of the objective's variance it explains.</summary>
/// <param name="Method">How the importances were computed.</param>
/// <param name="TrialsUsed">The complete trials the estimate rests on.</param>
/// <param name="Dimensions">One entry per dimension, most important first; importances sum to 1 (or are all 0 when
/// the objective did not vary).</param>
/// <param name="Notes">What a reader should know about the estimate (too few trials, dimensions never active, the
/// fallback used), in plain sentences.</param>
public sealed record ImportanceResult(
    ImportanceMethod Method,
    int TrialsUsed,
    IReadOnlyList<DimensionImportance> Dimensions,
    IReadOnlyList<string> Notes);

/// <summary>One dimension's importance.</summary>
/// <param name="Name">The dimension's full name.</param>
/// <param name="Importance">Its share of the explained variance, in [0, 1].</param>
/// <param name="Spread">The standard deviation of that share across the surrogate's trees (0 for the fast method): how
/// much to trust it.</param>
public sealed record DimensionImportance(string Name, double Importance, double Spread);

/// <summary>How importances are computed.</summary>
public enum ImportanceMethod
{
    /// <summary>fANOVA when the study has enough complete trials, the fast method otherwise.</summary>
    Auto,

    /// <summary>Functional ANOVA over a random-forest surrogate of the trials (Hutter, Hoos and Leyton-Brown, 2014):
    /// each dimension's main-effect variance as a share of the total.</summary>
    Fanova,

    /// <summary>A quick estimate for small studies: per dimension, the share of variance between bins of its values
    /// (the correlation ratio), normalised.</summary>
    Fast,
}
