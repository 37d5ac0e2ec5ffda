using Microsoft.ML;

namespace Dials.ML.Trainers;

/// <summary>
/// Trainers and their settings searched together in one study: <see cref="Trainer"/> picks the trainer, and only
/// that trainer's nested record is active (its dimensions are named <c>LightGbm.NumberOfLeaves</c>,
/// <c>Sdca.L2Regularization</c> and so on). The default is LightGBM with its own defaults. Use
/// <see cref="TrainerCatalog.Space"/> for the space of one task, which offers only the trainers that task has.
/// </summary>
[Hyperparameters]
public partial record TrainerSearch
{
    /// <summary>The trainer.</summary>
    [Choice]
    public TrainerKind Trainer { get; init; } = TrainerKind.LightGbm;

    /// <summary>LightGBM's settings, active when it is the trainer.</summary>
    [When(nameof(Trainer), TrainerKind.LightGbm)]
    public LightGbmParameters LightGbm { get; init; } = new();

    /// <summary>FastTree's settings, active when it is the trainer.</summary>
    [When(nameof(Trainer), TrainerKind.FastTree)]
    public FastTreeParameters FastTree { get; init; } = new();

    /// <summary>FastForest's settings, active when it is the trainer.</summary>
    [When(nameof(Trainer), TrainerKind.FastForest)]
    public FastForestParameters FastForest { get; init; } = new();

    /// <summary>SDCA's settings, active when it is the trainer.</summary>
    [When(nameof(Trainer), TrainerKind.Sdca)]
    public SdcaParameters Sdca { get; init; } = new();

    /// <summary>L-BFGS's settings, active when it is the trainer.</summary>
    [When(nameof(Trainer), TrainerKind.Lbfgs)]
    public LbfgsParameters Lbfgs { get; init; } = new();

    /// <summary>GAM's settings, active when it is the trainer.</summary>
    [When(nameof(Trainer), TrainerKind.Gam)]
    public GamParameters Gam { get; init; } = new();

    /// <summary>
    /// The chosen trainer with its settings, for <paramref name="task"/>. Binary classifiers produce a
    /// <c>Probability</c> column; multiclass ones need the label as a key column (as ML.NET's multiclass trainers do).
    /// The linear trainers (SDCA, L-BFGS) get the features scaled to [-1, 1] first (zeros kept, so sparse text
    /// features stay sparse): their step sizes and one penalty for every weight assume features on one scale, while a
    /// CSV mixes columns in the hundreds with 0/1 indicators. Trees need no scaling.
    /// </summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="task">What is predicted.</param>
    /// <param name="columns">Label and feature columns, seed and threads.</param>
    /// <exception cref="ArgumentException">The trainer does not serve the task (see <see cref="TrainerCatalog.For"/>).</exception>
    public IEstimator<ITransformer> Build(MLContext ml, TaskKind task, TrainerColumns columns)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(columns);
        var trainer = (Trainer, task) switch
        {
            (TrainerKind.LightGbm, TaskKind.Binary) => LightGbm.BinaryTrainer(ml, columns),
            (TrainerKind.LightGbm, TaskKind.Multiclass) => LightGbm.MulticlassTrainer(ml, columns),
            (TrainerKind.LightGbm, TaskKind.Regression) => LightGbm.RegressionTrainer(ml, columns),
            (TrainerKind.FastTree, TaskKind.Binary) => FastTree.BinaryTrainer(ml, columns),
            (TrainerKind.FastTree, TaskKind.Multiclass) => FastTree.MulticlassTrainer(ml, columns),
            (TrainerKind.FastTree, TaskKind.Regression) => FastTree.RegressionTrainer(ml, columns),
            (TrainerKind.FastForest, TaskKind.Binary) => FastForest.BinaryTrainer(ml, columns),
            (TrainerKind.FastForest, TaskKind.Multiclass) => FastForest.MulticlassTrainer(ml, columns),
            (TrainerKind.FastForest, TaskKind.Regression) => FastForest.RegressionTrainer(ml, columns),
            (TrainerKind.Sdca, TaskKind.Binary) => Sdca.BinaryTrainer(ml, columns),
            (TrainerKind.Sdca, TaskKind.Multiclass) => Sdca.MulticlassTrainer(ml, columns),
            (TrainerKind.Sdca, TaskKind.Regression) => Sdca.RegressionTrainer(ml, columns),
            (TrainerKind.Lbfgs, TaskKind.Binary) => Lbfgs.BinaryTrainer(ml, columns),
            (TrainerKind.Lbfgs, TaskKind.Multiclass) => Lbfgs.MulticlassTrainer(ml, columns),
            (TrainerKind.Gam, TaskKind.Binary) => Gam.BinaryTrainer(ml, columns),
            (TrainerKind.Gam, TaskKind.Regression) => Gam.RegressionTrainer(ml, columns),
            _ => throw new ArgumentException(TrainerCatalog.NotOffered(Trainer, task), nameof(task)),
        };
        return Trainer is TrainerKind.Sdca or TrainerKind.Lbfgs
            ? ml.Transforms.NormalizeMinMax(columns.Features, fixZero: true).Append(trainer)
            : trainer;
    }
}
