using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Dials.ML.Trainers;

/// <summary>
/// LightGBM gradient-boosted trees. Defaults are LightGBM's own; ranges follow common practice: leaves, learning rate,
/// rounds, leaf size and regularisation on log scales, row and feature subsampling linear.
/// </summary>
[Hyperparameters]
public partial record LightGbmParameters
{
    /// <summary>Leaves per tree: the main capacity control.</summary>
    [IntRange(4, 256, Log = true)]
    public int NumberOfLeaves { get; init; } = 31;

    /// <summary>Shrinkage applied to each tree.</summary>
    [FloatRange(0.005, 0.3, Log = true)]
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Boosting rounds; also the natural budget for Hyperband (fewer rounds is a cheaper fidelity).</summary>
    [IntRange(20, 1000, Log = true)]
    public int NumberOfIterations { get; init; } = 100;

    /// <summary>Minimum examples in a leaf: larger values regularise.</summary>
    [IntRange(2, 100, Log = true)]
    public int MinimumExampleCountPerLeaf { get; init; } = 20;

    /// <summary>L2 penalty on leaf weights (LightGBM's lambda_l2).</summary>
    [FloatRange(1e-4, 10, Log = true)]
    public double L2Regularization { get; init; } = 0.01;

    /// <summary>Fraction of features considered per tree.</summary>
    [FloatRange(0.4, 1.0)]
    public double FeatureFraction { get; init; } = 0.9;

    /// <summary>Fraction of rows sampled per round (bagging).</summary>
    [FloatRange(0.4, 1.0)]
    public double SubsampleFraction { get; init; } = 0.9;

    /// <summary>A binary classifier with these hyperparameters.</summary>
    public IEstimator<ITransformer> BinaryTrainer(MLContext ml, TrainerColumns columns) =>
        ml.BinaryClassification.Trainers.LightGbm(Apply(new LightGbmBinaryTrainer.Options(), columns));

    /// <summary>A multiclass classifier (the label must be a key column).</summary>
    public IEstimator<ITransformer> MulticlassTrainer(MLContext ml, TrainerColumns columns) =>
        ml.MulticlassClassification.Trainers.LightGbm(Apply(new LightGbmMulticlassTrainer.Options(), columns));

    /// <summary>A regressor.</summary>
    public IEstimator<ITransformer> RegressionTrainer(MLContext ml, TrainerColumns columns) =>
        ml.Regression.Trainers.LightGbm(Apply(new LightGbmRegressionTrainer.Options(), columns));

    // One setter for the three task-specific option types, which share LightGBM's options base class.
    private TOptions Apply<TOptions, TOutput, TTransformer, TModel>(
        LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel>.OptionsBase options, TrainerColumns columns)
        where TOptions : LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel>.OptionsBase, new()
        where TTransformer : ISingleFeaturePredictionTransformer<TModel>
        where TModel : class
    {
        options.LabelColumnName = columns.Label;
        options.FeatureColumnName = columns.Features;
        options.NumberOfLeaves = NumberOfLeaves;
        options.LearningRate = LearningRate;
        options.NumberOfIterations = NumberOfIterations;
        options.MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf;
        options.Seed = columns.Seed;
        options.NumberOfThreads = columns.Threads;
        options.Booster = new GradientBooster.Options
        {
            L2Regularization = L2Regularization,
            FeatureFraction = FeatureFraction,
            SubsampleFraction = SubsampleFraction,
            SubsampleFrequency = SubsampleFraction < 1 ? 1 : 0,
        };
        return (TOptions)options;
    }
}
