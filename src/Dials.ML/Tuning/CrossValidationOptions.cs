namespace Dials.ML.Tuning;

/// <summary>How a <see cref="CrossValidatedObjective{T}"/> splits and scores.</summary>
public sealed record CrossValidationOptions
{
    /// <summary>Number of folds (k); at least 2. Five is the usual balance of cost and variance.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the fold assignment; the same seed gives every trial the same folds.</summary>
    public int Seed { get; init; }

    /// <summary>A classification label column of the input data: each fold then keeps the class proportions.
    /// Null for regression.</summary>
    public string? StratifyBy { get; init; }

    /// <summary>
    /// A cheaper fidelity for Hyperband/ASHA: increasing fractions of each fold's training rows (nested subsets,
    /// ending with 1). A trial runs all k folds at the first fraction, then at the next, and so on, reporting after
    /// every fold, so a pruner can stop it while it still trains on little data. Null or [1] trains on everything.
    /// </summary>
    public IReadOnlyList<double>? TrainingFractions { get; init; }

    /// <summary>For a binary classifier: also choose a decision threshold on the out-of-fold probabilities of the
    /// full-data folds (reported in <see cref="CrossValidationResult.Threshold"/>, apart from the hyperparameters).</summary>
    public ThresholdGoal? Threshold { get; init; }
}
