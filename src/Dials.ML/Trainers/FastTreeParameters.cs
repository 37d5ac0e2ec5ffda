using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Dials.ML.Trainers;

/// <summary>ML.NET's FastTree (MART) gradient-boosted trees. Defaults are FastTree's own.</summary>
[Hyperparameters]
public partial record FastTreeParameters
{
    /// <summary>Leaves per tree.</summary>
    [IntRange(4, 256, Log = true)]
    public int NumberOfLeaves { get; init; } = 20;

    /// <summary>Number of trees; also the natural budget for Hyperband.</summary>
    [IntRange(20, 1000, Log = true)]
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Minimum examples in a leaf.</summary>
    [IntRange(2, 100, Log = true)]
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Shrinkage applied to each tree.</summary>
    [FloatRange(0.005, 0.5, Log = true)]
    public double LearningRate { get; init; } = 0.2;

    /// <summary>Fraction of features considered per tree.</summary>
    [FloatRange(0.4, 1.0)]
    public double FeatureFraction { get; init; } = 0.9;

    /// <summary>A binary classifier.</summary>
    public IEstimator<ITransformer> BinaryTrainer(MLContext ml, TrainerColumns columns) =>
        ml.BinaryClassification.Trainers.FastTree(Apply(new FastTreeBinaryTrainer.Options(), columns));

    /// <summary>A multiclass classifier: one FastTree binary model per class (FastTree has no native multiclass form).</summary>
    public IEstimator<ITransformer> MulticlassTrainer(MLContext ml, TrainerColumns columns) =>
        ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastTree(Apply(new FastTreeBinaryTrainer.Options(), columns)),
            labelColumnName: columns.Label);

    /// <summary>A regressor.</summary>
    public IEstimator<ITransformer> RegressionTrainer(MLContext ml, TrainerColumns columns) =>
        ml.Regression.Trainers.FastTree(Apply(new FastTreeRegressionTrainer.Options(), columns));

    private TOptions Apply<TOptions>(TOptions options, TrainerColumns columns)
        where TOptions : BoostedTreeOptions
    {
        options.LabelColumnName = columns.Label;
        options.FeatureColumnName = columns.Features;
        options.NumberOfLeaves = NumberOfLeaves;
        options.NumberOfTrees = NumberOfTrees;
        options.MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf;
        options.LearningRate = LearningRate;
        options.FeatureFraction = FeatureFraction;
        options.Seed = columns.Seed;
        options.FeatureSelectionSeed = columns.Seed;
        options.NumberOfThreads = columns.Threads;
        return options;
    }
}
