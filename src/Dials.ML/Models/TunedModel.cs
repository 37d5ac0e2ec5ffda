using System.IO.Compression;
using Dials.Storage;
using Microsoft.ML;

namespace Dials.ML;

/// <summary>
/// Saves and loads model.zip: ML.NET's own model file (so <c>mlContext.Model.Load</c> reads it in any program) with
/// one more entry, <c>Dials/model.json</c>, holding <see cref="ModelInfo"/>: the task, the label, the class names, the
/// input columns and the trainer. docs/ml-model.md describes the file.
/// </summary>
public static class TunedModel
{
    /// <summary>Writes the model and its facts to <paramref name="path"/> atomically (a reader never sees half a file;
    /// a failure leaves the previous file in place), creating its folder.</summary>
    /// <param name="ml">The context the model was fitted in.</param>
    /// <param name="model">The fitted pipeline, featurization and label conversion included.</param>
    /// <param name="inputSchema">The schema of the data the pipeline was fitted on (the file's columns).</param>
    /// <param name="path">Where to write, conventionally <c>model.zip</c>.</param>
    /// <param name="info">The model's facts; its <see cref="ModelInfo.Inputs"/> are replaced by
    /// <paramref name="inputSchema"/>'s columns.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The model's output does not fit <paramref name="info"/>'s task and classes
    /// (for example a multiclass model without a class named in <see cref="ModelInfo.Classes"/>).</exception>
    public static string Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, string path, ModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(info);

        if (info.Threshold is { } threshold && (info.Task != TaskKind.Binary || !(threshold > 0 && threshold < 1)))
        {
            throw new ArgumentException($"A decision threshold ({threshold}) is for a binary model and is a probability between 0 and 1.", nameof(info));
        }

        // Refused here rather than when someone scores with it: a model whose output cannot be read is no model.
        var (_, problem) = PredictionColumns.Find(model.GetOutputSchema(inputSchema), info);
        if (problem is not null)
        {
            throw new ArgumentException($"The model cannot be saved for a {info.Task} task: {problem}.", nameof(info));
        }

        var complete = info with
        {
            Inputs = [.. inputSchema.Where(c => !c.IsHidden).Select(c => new ModelColumn(c.Name, c.Type.ToString() ?? c.Type.RawType.Name)
            {
                Used = InputUse.Reads(model, inputSchema, c.Name),
            })],
        };
        using var buffer = new MemoryStream();
        ml.Model.Save(model, inputSchema, buffer);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(ModelInfoJson.EntryName, CompressionLevel.Optimal).Open();
            entry.Write(ModelInfoJson.Write(complete));
        }

        return AtomicFile.WriteAllBytesDurably(path, buffer.ToArray());
    }

    /// <summary>Reads a model saved by <see cref="Save"/>.</summary>
    /// <param name="ml">The context to load into.</param>
    /// <param name="path">The model.zip file.</param>
    /// <exception cref="ModelFileException">The file does not exist, is not a zip, has no (or a damaged) Dials entry, or
    /// ML.NET cannot load it; the message names the file.</exception>
    public static LoadedModel Load(MLContext ml, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ModelFileException($"Model file '{path}' does not exist.");
        }

        var bytes = File.ReadAllBytes(path);
        var info = ReadInfo(bytes, path);

        // ML.NET records each part's assembly in the zip and loads it by name, so a LightGbm or FastTree model loads in
        // a process that never touched those trainers, as long as their packages are deployed (Dials.ML references both).
        ITransformer transformer;
        DataViewSchema schema;
        try
        {
            transformer = ml.Model.Load(new MemoryStream(bytes, writable: false), out schema);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ML.NET reports damaged entries with many exception types (format, contract, end of stream, a missing
            // assembly); whichever it is, the user needs the file's name and ML.NET's reason, not a stack trace.
            throw new ModelFileException($"Model file '{path}' cannot be loaded by ML.NET: {e.Message}", e);
        }

        var (_, problem) = PredictionColumns.Find(transformer.GetOutputSchema(schema), info);
        return problem is null
            ? new LoadedModel(Path.GetFullPath(path), transformer, schema, info)
            : throw new ModelFileException($"Model file '{path}' does not fit its own {ModelInfoJson.EntryName}: {problem}.");
    }

    private static ModelInfo ReadInfo(byte[] bytes, string path)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var entry = zip.GetEntry(ModelInfoJson.EntryName)
                ?? throw new ModelFileException($"Model file '{path}' has no {ModelInfoJson.EntryName} entry: it is not a model saved by Dials (TunedModel.Save).");
            using var json = entry.Open();
            return ModelInfoJson.Read(json, path);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException($"Model file '{path}' is not a model.zip (not a readable zip archive).", e);
        }
    }
}
