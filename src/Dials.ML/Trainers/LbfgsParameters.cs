using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Dials.ML.Trainers;

/// <summary>Linear models trained by L-BFGS: logistic regression (binary) and maximum entropy (multiclass).
/// Defaults are ML.NET's. There is no regression form: ML.NET's L-BFGS regressor is Poisson regression, which needs
/// non-negative counts as labels.</summary>
[Hyperparameters]
public partial record LbfgsParameters
{
    /// <summary>L2 penalty.</summary>
    [FloatRange(1e-4, 10, Log = true)]
    public double L2Regularization { get; init; } = 1;

    /// <summary>L1 penalty (sparsity).</summary>
    [FloatRange(1e-4, 10, Log = true)]
    public double L1Regularization { get; init; } = 1;

    /// <summary>Past gradients kept to approximate the Hessian.</summary>
    [IntRange(5, 50)]
    public int HistorySize { get; init; } = 20;

    /// <summary>A binary logistic regression.</summary>
    public IEstimator<ITransformer> BinaryTrainer(MLContext ml, TrainerColumns columns) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = columns.Label,
            FeatureColumnName = columns.Features,
            L2Regularization = (float)L2Regularization,
            L1Regularization = (float)L1Regularization,
            HistorySize = HistorySize,
            NumberOfThreads = columns.Threads,
        });

    /// <summary>A multiclass maximum-entropy model (the label must be a key column).</summary>
    public IEstimator<ITransformer> MulticlassTrainer(MLContext ml, TrainerColumns columns) =>
        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = columns.Label,
            FeatureColumnName = columns.Features,
            L2Regularization = (float)L2Regularization,
            L1Regularization = (float)L1Regularization,
            HistorySize = HistorySize,
            NumberOfThreads = columns.Threads,
        });
}
