using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Dials.ML.Trainers;

/// <summary>
/// ML.NET's FastForest random forest: deep-ish trees on bagged rows and sampled features, averaged. Defaults are
/// FastForest's own; a forest has no learning rate, its knobs are tree size and how random each tree is.
/// </summary>
[Hyperparameters]
public partial record FastForestParameters
{
    /// <summary>Trees in the forest; more only averages away variance (and costs time), so it is searched on a log scale.</summary>
    [IntRange(20, 1000, Log = true)]
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Leaves per tree.</summary>
    [IntRange(4, 256, Log = true)]
    public int NumberOfLeaves { get; init; } = 20;

    /// <summary>Minimum examples in a leaf.</summary>
    [IntRange(2, 100, Log = true)]
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Fraction of features considered at each split: the forest's main decorrelation control.</summary>
    [FloatRange(0.2, 1.0)]
    public double FeatureFractionPerSplit { get; init; } = 0.7;

    /// <summary>Fraction of rows each tree is grown on.</summary>
    [FloatRange(0.4, 1.0)]
    public double BaggingExampleFraction { get; init; } = 0.7;

    /// <summary>A binary classifier. A forest's score is a vote, not a probability, so a Platt calibrator fitted on
    /// the training rows follows it: the metrics and the decision threshold read the <c>Probability</c> column.</summary>
    public IEstimator<ITransformer> BinaryTrainer(MLContext ml, TrainerColumns columns) =>
        ml.BinaryClassification.Trainers.FastForest(Apply(new FastForestBinaryTrainer.Options(), columns))
            .Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: columns.Label));

    /// <summary>A multiclass classifier: one forest per class, calibrated by one-versus-all (FastForest has no native
    /// multiclass form; the label must be a key column).</summary>
    public IEstimator<ITransformer> MulticlassTrainer(MLContext ml, TrainerColumns columns) =>
        ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastForest(Apply(new FastForestBinaryTrainer.Options(), columns)),
            labelColumnName: columns.Label);

    /// <summary>A regressor.</summary>
    public IEstimator<ITransformer> RegressionTrainer(MLContext ml, TrainerColumns columns) =>
        ml.Regression.Trainers.FastForest(Apply(new FastForestRegressionTrainer.Options(), columns));

    private TOptions Apply<TOptions>(TOptions options, TrainerColumns columns)
        where TOptions : FastForestOptionsBase
    {
        options.LabelColumnName = columns.Label;
        options.FeatureColumnName = columns.Features;
        options.NumberOfTrees = NumberOfTrees;
        options.NumberOfLeaves = NumberOfLeaves;
        options.MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf;
        options.FeatureFractionPerSplit = FeatureFractionPerSplit;
        options.BaggingExampleFraction = BaggingExampleFraction;
        options.Seed = columns.Seed;
        options.FeatureSelectionSeed = columns.Seed;
        options.NumberOfThreads = columns.Threads;
        return options;
    }
}
