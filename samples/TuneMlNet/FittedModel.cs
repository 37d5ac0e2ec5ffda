using Microsoft.ML;

namespace TuneMlNet;

/// <summary>A configuration fitted on the training rows: <see cref="Model"/> (featurizer and trainer, reading the file's
/// columns, the label not needed) is what is deployed and saved; <see cref="Label"/> converts the label of rows to be
/// scored against a metric.</summary>
/// <param name="Label">The label conversion fitted on the training rows.</param>
/// <param name="Model">The featurizer and trainer.</param>
public sealed record FittedModel(ITransformer Label, ITransformer Model)
{
    /// <summary>Predictions for <paramref name="rows"/> (with the file's columns, label included) next to their converted
    /// label, ready for a metric.</summary>
    public IDataView Score(IDataView rows) => Model.Transform(Label.Transform(rows));
}
