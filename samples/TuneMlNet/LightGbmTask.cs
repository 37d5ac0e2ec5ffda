using Dials.ML;
using Dials.ML.Trainers;
using Microsoft.ML;

namespace TuneMlNet;

/// <summary>The LightGbm trainer for a task: the one place the sample maps a task to a trainer form.</summary>
public static class LightGbmTask
{
    /// <summary>Builds LightGbm for <paramref name="task"/> with <paramref name="parameters"/>.</summary>
    public static IEstimator<ITransformer> Trainer(MLContext ml, TaskKind task, LightGbmParameters parameters, int seed)
    {
        var columns = new TrainerColumns(Seed: seed);
        return task switch
        {
            TaskKind.Regression => parameters.RegressionTrainer(ml, columns),
            TaskKind.Binary => parameters.BinaryTrainer(ml, columns),
            _ => parameters.MulticlassTrainer(ml, columns),
        };
    }
}
