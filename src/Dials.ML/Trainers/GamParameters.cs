using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Dials.ML.Trainers;

/// <summary>
/// ML.NET's generalised additive model: a sum of one-feature shape functions, each boosted from single-split trees,
/// so every feature's effect can be read off on its own. Defaults are ML.NET's (many small steps: 9,500 iterations
/// at rate 0.002). GAM bins every feature of the vector, so it suits dense numeric features, not thousands of sparse
/// text n-grams (<see cref="TrainerCatalog.ReadsText"/> is false for it). Binary and regression only.
/// </summary>
[Hyperparameters]
public partial record GamParameters
{
    /// <summary>Boosting iterations, shared across the shape functions.</summary>
    [IntRange(100, 10000, Log = true)]
    public int NumberOfIterations { get; init; } = 9500;

    /// <summary>Shrinkage of each step; trades off against <see cref="NumberOfIterations"/>.</summary>
    [FloatRange(0.001, 0.1, Log = true)]
    public double LearningRate { get; init; } = 0.002;

    /// <summary>Minimum examples in a leaf: larger values smooth the shape functions.</summary>
    [IntRange(2, 100, Log = true)]
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Bins per feature: the resolution of each shape function.</summary>
    [IntRange(16, 1024, Log = true)]
    public int MaximumBinCountPerFeature { get; init; } = 255;

    /// <summary>A binary classifier (calibrated: it has a <c>Probability</c> column).</summary>
    public IEstimator<ITransformer> BinaryTrainer(MLContext ml, TrainerColumns columns) =>
        ml.BinaryClassification.Trainers.Gam(Apply(new GamBinaryTrainer.Options(), columns));

    /// <summary>A regressor.</summary>
    public IEstimator<ITransformer> RegressionTrainer(MLContext ml, TrainerColumns columns) =>
        ml.Regression.Trainers.Gam(Apply(new GamRegressionTrainer.Options(), columns));

    // One setter for both task-specific option types, which share GAM's options base class.
    private TOptions Apply<TOptions, TTransformer, TPredictor>(
        GamTrainerBase<TOptions, TTransformer, TPredictor>.OptionsBase options, TrainerColumns columns)
        where TOptions : GamTrainerBase<TOptions, TTransformer, TPredictor>.OptionsBase, new()
        where TTransformer : ISingleFeaturePredictionTransformer<TPredictor>
        where TPredictor : class
    {
        options.LabelColumnName = columns.Label;
        options.FeatureColumnName = columns.Features;
        options.NumberOfIterations = NumberOfIterations;
        options.LearningRate = LearningRate;
        options.MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf;
        options.MaximumBinCountPerFeature = MaximumBinCountPerFeature;
        options.Seed = columns.Seed;
        options.NumberOfThreads = columns.Threads;
        return (TOptions)options;
    }
}
