using Microsoft.ML;

namespace Dials.ML.Tuning;

/// <summary>
/// A score for one task, computed from a model's predictions on held-out rows, and the direction that makes it better.
/// The tuner, the cross-validation and the final test evaluation all use the same metric, so the numbers compare.
/// </summary>
public sealed class TaskMetric
{
    private readonly Func<MLContext, IDataView, double> score;

    private TaskMetric(string name, TaskKind task, Direction direction, Func<MLContext, IDataView, double> score)
    {
        Name = name;
        Task = task;
        Direction = direction;
        this.score = score;
    }

    /// <summary>Root mean squared error of a regressor (smaller is better).</summary>
    public static TaskMetric Rmse { get; } = new("RMSE", TaskKind.Regression, Direction.Minimize,
        (ml, scored) => ml.Regression.Evaluate(scored).RootMeanSquaredError);

    /// <summary>Coefficient of determination of a regressor (larger is better).</summary>
    public static TaskMetric RSquared { get; } = new("R²", TaskKind.Regression, Direction.Maximize,
        (ml, scored) => ml.Regression.Evaluate(scored).RSquared);

    /// <summary>Area under the ROC curve of a binary classifier (larger is better; threshold-free).</summary>
    public static TaskMetric Auc { get; } = new("AUC", TaskKind.Binary, Direction.Maximize,
        (ml, scored) => ml.BinaryClassification.Evaluate(scored).AreaUnderRocCurve);

    /// <summary>F1 score of a binary classifier at the 0.5 threshold (larger is better).</summary>
    public static TaskMetric F1 { get; } = new("F1", TaskKind.Binary, Direction.Maximize,
        (ml, scored) => ml.BinaryClassification.Evaluate(scored).F1Score);

    /// <summary>Mean of the per-class accuracies of a multiclass classifier (larger is better; fair to rare classes).</summary>
    public static TaskMetric MacroAccuracy { get; } = new("macro accuracy", TaskKind.Multiclass, Direction.Maximize,
        (ml, scored) => ml.MulticlassClassification.Evaluate(scored).MacroAccuracy);

    /// <summary>Fraction of rows classified correctly by a multiclass classifier (larger is better).</summary>
    public static TaskMetric MicroAccuracy { get; } = new("micro accuracy", TaskKind.Multiclass, Direction.Maximize,
        (ml, scored) => ml.MulticlassClassification.Evaluate(scored).MicroAccuracy);

    /// <summary>Log-loss of a multiclass classifier's probabilities (smaller is better; rewards calibrated confidence).</summary>
    public static TaskMetric LogLoss { get; } = new("log-loss", TaskKind.Multiclass, Direction.Minimize,
        (ml, scored) => ml.MulticlassClassification.Evaluate(scored).LogLoss);

    /// <summary>The metric's name, for logs and reports.</summary>
    public string Name { get; }

    /// <summary>The task whose predictions it scores.</summary>
    public TaskKind Task { get; }

    /// <summary>Whether smaller or larger is better.</summary>
    public Direction Direction { get; }

    /// <summary>The metric a task is tuned on when the caller does not choose: RMSE, AUC, log-loss.</summary>
    public static TaskMetric DefaultFor(TaskKind task) => task switch
    {
        TaskKind.Regression => Rmse,
        TaskKind.Binary => Auc,
        TaskKind.Multiclass => LogLoss,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task."),
    };

    /// <summary>Scores predictions (the output of a fitted pipeline's <c>Transform</c> with a <c>Label</c> column).</summary>
    /// <exception cref="InvalidOperationException">A prediction is NaN or infinite: ML.NET's evaluators would skip those
    /// rows and report a perfect score.</exception>
    public double Score(MLContext ml, IDataView scored)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(scored);
        UnscoredRows.ThrowIfAny(scored);
        return score(ml, scored);
    }

    /// <summary>True when <paramref name="candidate"/> is better than <paramref name="incumbent"/>.</summary>
    public bool IsBetter(double candidate, double incumbent) =>
        Direction == Direction.Minimize ? candidate < incumbent : candidate > incumbent;

    /// <inheritdoc />
    public override string ToString() => Name;
}
