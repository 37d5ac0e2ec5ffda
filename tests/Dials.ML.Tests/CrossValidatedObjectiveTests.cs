using Dials.ML.Trainers;
using Dials.ML.Tuning;
using Dials.Pruners;
using Dials.Samplers;
using Microsoft.ML;

namespace Dials.ML.Tests;

public sealed class CrossValidatedObjectiveTests
{
    // Small models keep the tests quick: 20 boosting rounds on 354 rows train in milliseconds.
    private static readonly LightGbmParameters Quick = new() { NumberOfIterations = 20 };

    private static (CrossValidatedObjective<LightGbmParameters> Objective, SealedSplit Split) Regression(CrossValidationOptions options)
    {
        var ml = new MLContext(seed: 1);
        var data = Diabetes.Load(ml);
        var split = SealedSplit.Create(data.Data, 0.2, seed: 1);
        var objective = new CrossValidatedObjective<LightGbmParameters>(ml, split.Train, data.Featurize(ml),
            p => p.RegressionTrainer(ml, new TrainerColumns(Seed: 1)), TaskMetric.Rmse, options);
        return (objective, split);
    }

    [Fact]
    public async Task Each_fold_is_reported_as_a_running_mean_and_the_trial_value_is_the_mean_over_folds()
    {
        var (objective, _) = Regression(new CrossValidationOptions { Folds = 3, Seed = 2 });
        var study = Study.Create<LightGbmParameters>(new StudyOptions { Sampler = new RandomSampler(seed: 1), Pruner = new NopPruner() });
        study.Enqueue(Quick);

        var result = await study.OptimizeAsync(objective.RunAsync, trials: 1);

        var trial = Assert.Single(result.Trials);
        var cv = objective.Results[0];
        Assert.Equal(3, cv.FoldScores.Count);
        Assert.Equal([1L, 2L, 3L], trial.Intermediate.Select(i => i.Step));
        Assert.Equal(cv.FoldScores[0], trial.Intermediate[0].Value, 9);
        Assert.Equal((cv.FoldScores[0] + cv.FoldScores[1]) / 2, trial.Intermediate[1].Value, 9);
        Assert.Equal(cv.Mean, trial.Value!.Value, 9);
        Assert.True(cv.StandardDeviation > 0);
        // The log reads the folds back from the running means in the storage.
        Assert.Equal(cv.FoldScores, FoldStatistics.FromRunningMeans(trial.Intermediate), new ToleranceComparer(1e-9));
    }

    [Fact]
    public void Folds_are_fixed_by_the_seed()
    {
        double[] Scores(int seed) => [.. Regression(new CrossValidationOptions { Folds = 3, Seed = seed }).Objective.Evaluate(Quick).FoldScores];

        Assert.Equal(Scores(4), Scores(4));
        Assert.NotEqual(Scores(4), Scores(5));
    }

    [Fact]
    public async Task The_pruner_stops_a_bad_trial_after_its_first_fold()
    {
        var (objective, _) = Regression(new CrossValidationOptions { Folds = 4, Seed = 2 });
        var study = Study.Create<LightGbmParameters>(new StudyOptions { Sampler = new RandomSampler(seed: 1), Pruner = new MedianPruner(startupTrials: 2) });
        study.Enqueue(Quick);
        study.Enqueue(Quick with { LearningRate = 0.2 });
        // Twenty rounds at the smallest learning rate barely move from the mean: far worse than the others at fold 1.
        study.Enqueue(Quick with { LearningRate = 0.005 });

        var result = await study.OptimizeAsync(objective.RunAsync, trials: 3);

        Assert.Equal([TrialState.Complete, TrialState.Complete, TrialState.Pruned], result.Trials.Select(t => t.State));
        Assert.Single(result.Trials[2].Intermediate);
        Assert.Single(objective.Results[2].FoldScores);
    }

    [Fact]
    public async Task Training_fractions_give_a_cheaper_fidelity_reported_before_the_full_folds()
    {
        var (objective, _) = Regression(new CrossValidationOptions { Folds = 2, TrainingFractions = [0.25, 1] });
        var study = Study.Create<LightGbmParameters>(new StudyOptions { Pruner = new NopPruner() });
        study.Enqueue(Quick);

        var result = await study.OptimizeAsync(objective.RunAsync, trials: 1);

        Assert.Equal(4, objective.Steps);
        Assert.Equal([1L, 2L, 3L, 4L], result.Trials[0].Intermediate.Select(i => i.Step));
        Assert.Equal(2, objective.Results[0].FoldScores.Count);
        Assert.Equal(objective.Results[0].Mean, result.Trials[0].Value!.Value, 9);
    }

    [Fact]
    public void Bad_training_fractions_are_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => Regression(new CrossValidationOptions { TrainingFractions = [0.5, 0.25] }));
        Assert.Contains("TrainingFractions", error.Message);
    }

    [Fact]
    public void A_binary_objective_folds_keep_class_proportions_and_choose_a_threshold()
    {
        var folder = Directory.CreateTempSubdirectory("dials-ml-").FullName;
        var ml = new MLContext(seed: 1);
        var data = CsvDataset.Load(ml, Diabetes.WriteBinary(folder), "progression", TaskKind.Binary);
        var split = SealedSplit.Create(data.Data, 0.2, seed: 1, stratifyBy: "progression");
        var objective = new CrossValidatedObjective<LightGbmParameters>(ml, split.Train, data.Featurize(ml),
            p => p.BinaryTrainer(ml, new TrainerColumns(Seed: 1)), TaskMetric.Auc,
            new CrossValidationOptions { Folds = 3, StratifyBy = "progression", Threshold = ThresholdGoal.TargetPrecision(0.8) });

        var result = objective.Evaluate(Quick);

        Assert.Equal(3, result.FoldScores.Count);
        Assert.All(result.FoldScores, auc => Assert.InRange(auc, 0.6, 1));
        var threshold = Assert.IsType<ThresholdChoice>(result.Threshold);
        Assert.True(threshold.GoalReached);
        Assert.True(threshold.Precision >= 0.8);
        Assert.InRange(threshold.Threshold, 0, 1);
    }

    [Fact]
    public void Threshold_tuning_is_refused_for_a_regression_metric()
    {
        var error = Assert.Throws<ArgumentException>(() => Regression(new CrossValidationOptions { Threshold = ThresholdGoal.MaximizeF1 }));
        Assert.Contains("binary", error.Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
