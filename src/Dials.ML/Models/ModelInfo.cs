namespace Dials.ML;

/// <summary>
/// What Dials knows about a saved model besides the transformer itself, kept inside model.zip so that a model can be
/// used without the study that made it: the task, the label and its classes, the input columns, and where it came from.
/// </summary>
/// <param name="Task">What the model predicts.</param>
/// <param name="LabelColumn">The label column's name in the training data; scoring fills it when a file lacks it.</param>
/// <param name="Classes">The class names of a classification task, empty for regression. For a binary task exactly two:
/// <c>Classes[0]</c> is the class predicted as <c>false</c> and <c>Classes[1]</c> the one predicted as <c>true</c>
/// (<see cref="CsvDataset.Classes"/> has that order). For a multiclass task, the order of the probability columns
/// <see cref="ModelScoring.ScoreCsv"/> writes.</param>
/// <param name="Trainer">The trainer's name, as the study or the model card shows it (for example <c>LightGbm</c>).</param>
public sealed record ModelInfo(TaskKind Task, string LabelColumn, IReadOnlyList<string> Classes, string Trainer)
{
    /// <summary>The study the model's configuration comes from; free text, optional.</summary>
    public string? Study { get; init; }

    /// <summary>The number of the trial whose configuration was refit; optional.</summary>
    public int? Trial { get; init; }

    /// <summary>A binary model's decision threshold: the probability of <c>Classes[1]</c> at or above which it is
    /// predicted, chosen during tuning (the main job maximises F1 on out-of-fold predictions); null for the trainer's
    /// own (a probability of 0.5). <see cref="ModelScoring.ScoreCsv"/> and <c>dials predict</c> apply it to
    /// <c>PredictedLabel</c>; ML.NET alone does not know it.</summary>
    public double? Threshold { get; init; }

    /// <summary>The input columns the model reads, in order. <see cref="TunedModel.Save"/> fills them from the input
    /// schema it is given; whatever the caller sets is replaced.</summary>
    public IReadOnlyList<ModelColumn> Inputs { get; init; } = [];
}

/// <summary>One input column of a saved model.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">Its ML.NET type as ML.NET prints it: <c>Single</c> for numbers, <c>String</c> for text,
/// <c>Boolean</c>, or a vector such as <c>Vector&lt;Single, 3&gt;</c>.</param>
public sealed record ModelColumn(string Name, string Type)
{
    /// <summary>Whether the pipeline reads the column. A column of the training data that the featurization ignored
    /// (an identifier) is kept in the input schema but not read, and may be absent from data to score.</summary>
    public bool Used { get; init; } = true;
}
