using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Dials.ML.Trainers;

/// <summary>Linear models trained by stochastic dual coordinate ascent: logistic regression (binary), maximum
/// entropy (multiclass) and least squares (regression). Regularisation strengths span orders of magnitude, so they
/// are searched on log scales.</summary>
/// <remarks>SDCA always trains on one thread, whatever <see cref="TrainerColumns.Threads"/> allows: with more it
/// updates shared weights without locks, so two runs of one trial give different models.</remarks>
[Hyperparameters]
public partial record SdcaParameters
{
    /// <summary>L2 penalty.</summary>
    [FloatRange(1e-6, 1, Log = true)]
    public double L2Regularization { get; init; } = 1e-4;

    /// <summary>L1 penalty (sparsity).</summary>
    [FloatRange(1e-6, 1, Log = true)]
    public double L1Regularization { get; init; } = 1e-4;

    /// <summary>Passes over the data.</summary>
    [IntRange(5, 200, Log = true)]
    public int MaximumNumberOfIterations { get; init; } = 50;

    /// <summary>A binary logistic regression.</summary>
    public IEstimator<ITransformer> BinaryTrainer(MLContext ml, TrainerColumns columns) =>
        ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = columns.Label,
            FeatureColumnName = columns.Features,
            L2Regularization = (float)L2Regularization,
            L1Regularization = (float)L1Regularization,
            MaximumNumberOfIterations = MaximumNumberOfIterations,
            NumberOfThreads = 1, // Not columns.Threads: see the remarks.
        });

    /// <summary>A multiclass maximum-entropy model (the label must be a key column).</summary>
    public IEstimator<ITransformer> MulticlassTrainer(MLContext ml, TrainerColumns columns) =>
        ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = columns.Label,
            FeatureColumnName = columns.Features,
            L2Regularization = (float)L2Regularization,
            L1Regularization = (float)L1Regularization,
            MaximumNumberOfIterations = MaximumNumberOfIterations,
            NumberOfThreads = 1,
        });

    /// <summary>A least-squares linear regressor.</summary>
    public IEstimator<ITransformer> RegressionTrainer(MLContext ml, TrainerColumns columns) =>
        ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            LabelColumnName = columns.Label,
            FeatureColumnName = columns.Features,
            L2Regularization = (float)L2Regularization,
            L1Regularization = (float)L1Regularization,
            MaximumNumberOfIterations = MaximumNumberOfIterations,
            NumberOfThreads = 1,
        });
}
