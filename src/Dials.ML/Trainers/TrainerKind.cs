namespace Dials.ML.Trainers;

/// <summary>
/// The ML.NET trainers a study can choose among. Not every trainer serves every task: <see cref="TrainerCatalog.For"/>
/// says which do.
/// </summary>
public enum TrainerKind
{
    /// <summary>LightGBM gradient-boosted trees (binary, multiclass, regression).</summary>
    LightGbm,

    /// <summary>FastTree (MART) gradient-boosted trees (binary, multiclass one-versus-all, regression).</summary>
    FastTree,

    /// <summary>FastForest random forest (binary, multiclass one-versus-all, regression).</summary>
    FastForest,

    /// <summary>Linear models trained by stochastic dual coordinate ascent (binary, multiclass, regression).</summary>
    Sdca,

    /// <summary>Linear models trained by L-BFGS: logistic regression and maximum entropy (binary, multiclass).</summary>
    Lbfgs,

    /// <summary>A generalised additive model of boosted one-feature trees (binary, regression; dense numeric features).</summary>
    Gam,
}
