using Dials.ML.Trainers;
using Dials.ML.Tuning;
using Microsoft.ML;

namespace Dials.ML.Tests;

public sealed class UnscoredRowsTests
{
    [Fact]
    public void A_model_that_predicts_NaN_is_an_error_and_never_a_perfect_score()
    {
        var ml = new MLContext(seed: 1);
        var data = Diabetes.Load(ml);
        var rows = ml.Data.TakeRows(data.Data, 200);
        // A leaf needs 95 rows and each tree sees 44 % of 200: no tree can split, and FastForest predicts NaN.
        var forest = new FastForestParameters { NumberOfTrees = 5, MinimumExampleCountPerLeaf = 95, BaggingExampleFraction = 0.44 };
        var scored = data.Featurize(ml).Append(forest.RegressionTrainer(ml, new TrainerColumns(Seed: 1))).Fit(rows).Transform(rows);
        Assert.Equal(0, ml.Regression.Evaluate(scored).RootMeanSquaredError); // what ML.NET alone reports

        var error = Assert.Throws<InvalidOperationException>(() => TaskMetric.Rmse.Score(ml, scored));
        Assert.Contains("for 200 of 200 rows", error.Message);
    }

    [Fact]
    public void Finite_predictions_are_scored()
    {
        var ml = new MLContext(seed: 1);
        var data = Diabetes.Load(ml);
        var scored = data.Featurize(ml).Append(new SdcaParameters().RegressionTrainer(ml, new TrainerColumns(Seed: 1))).Fit(data.Data).Transform(data.Data);

        Assert.InRange(TaskMetric.Rmse.Score(ml, scored), 1, 200);
    }
}
