using Microsoft.ML;

namespace Dials.ML;

/// <summary>A model read back from model.zip by <see cref="TunedModel.Load"/>.</summary>
/// <param name="Path">The file it was read from (full path).</param>
/// <param name="Transformer">The whole fitted pipeline: featurization, label conversion and trainer.</param>
/// <param name="InputSchema">The columns the pipeline reads, as ML.NET saved them.</param>
/// <param name="Info">Dials' facts about the model.</param>
public sealed record LoadedModel(string Path, ITransformer Transformer, DataViewSchema InputSchema, ModelInfo Info);
