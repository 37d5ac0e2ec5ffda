using System.Text.Json;
using Dials.ML.Trainers;
using Dials.ML.Tuning;
using Microsoft.ML;

namespace Dials.ML.Tests;

public sealed class SplitRecordTests
{
    [Fact]
    public void The_record_names_every_sealed_row_and_gives_each_training_row_its_fold()
    {
        var ml = new MLContext(seed: 1);
        var data = Diabetes.Load(ml);
        var split = SealedSplit.Create(data.Data, 0.2, seed: 4);
        var objective = new CrossValidatedObjective<LightGbmParameters>(ml, split.Train, data.Featurize(ml),
            p => p.RegressionTrainer(ml, new TrainerColumns(Seed: 1)), TaskMetric.Rmse, new CrossValidationOptions { Folds = 4, Seed = 3 });
        var path = Path.Combine(Path.GetTempPath(), $"dials-split-{Guid.NewGuid():N}.json");
        try
        {
            SplitRecord.Write(path, split, objective.FoldOfRow);

            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var test = json.RootElement.GetProperty("test").EnumerateArray().Select(e => e.GetInt32()).ToList();
            var folds = json.RootElement.GetProperty("folds").EnumerateArray().Select(e => e.GetInt32()).ToList();
            Assert.Equal(split.TestRowNumbers, test);
            Assert.Equal(data.Rows, folds.Count);
            Assert.All(test, row => Assert.Equal(-1, folds[row]));
            Assert.Equal(objective.FoldOfRow, folds.Where(f => f >= 0));
            Assert.Equal([0, 1, 2, 3], folds.Where(f => f >= 0).Distinct().Order());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Folds_that_do_not_match_the_training_rows_are_refused()
    {
        var ml = new MLContext(seed: 1);
        var split = SealedSplit.Create(Diabetes.Load(ml).Data, 0.2, seed: 4);

        var error = Assert.Throws<ArgumentException>(() => SplitRecord.Write(Path.GetTempFileName(), split, [0, 1]));
        Assert.Contains($"{split.TrainRows} training rows", error.Message);
    }
}
