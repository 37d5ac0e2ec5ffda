using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dials.ML;

/// <summary>The JSON form of <see cref="ModelInfo"/> inside model.zip (docs/ml-model.md shows it). Written through a
/// document type of its own, so the file's shape stays fixed when <see cref="ModelInfo"/> grows.</summary>
internal static class ModelInfoJson
{
    /// <summary>The zip entry that holds the JSON. ML.NET reads only the entries it wrote and ignores this one.</summary>
    public const string EntryName = "Dials/model.json";

    /// <summary>The version of the document's shape; a reader refuses a newer one.</summary>
    public const int FormatVersion = 1;

    public static byte[] Write(ModelInfo info) => JsonSerializer.SerializeToUtf8Bytes(new ModelInfoDocument
    {
        Format = FormatVersion,
        Task = info.Task,
        LabelColumn = info.LabelColumn,
        Classes = [.. info.Classes],
        Trainer = info.Trainer,
        Study = info.Study,
        Trial = info.Trial,
        Threshold = info.Threshold,
        Inputs = [.. info.Inputs.Select(c => new ModelColumnDocument { Name = c.Name, Type = c.Type, Used = c.Used })],
    }, ModelInfoJsonContext.Default.ModelInfoDocument);

    /// <exception cref="ModelFileException">The JSON is malformed, incomplete or of a newer format.</exception>
    public static ModelInfo Read(Stream json, string path)
    {
        ModelInfoDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ModelInfoJsonContext.Default.ModelInfoDocument);
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"Model file '{path}' has a damaged {EntryName} entry: {e.Message}", e);
        }

        if (document is null || document.Format < 1 || document.Task is null || document.LabelColumn is null
            || document.Trainer is null || document.Classes is null || document.Inputs is null
            || document.Inputs.Any(c => c.Name is null || c.Type is null))
        {
            throw new ModelFileException($"Model file '{path}' has an incomplete {EntryName} entry (it needs format, task, labelColumn, classes, trainer and inputs).");
        }

        if (document.Threshold is { } threshold && !(threshold > 0 && threshold < 1))
        {
            throw new ModelFileException($"Model file '{path}' has a decision threshold of {threshold} in its {EntryName} entry; a threshold is a probability between 0 and 1.");
        }

        if (document.Format > FormatVersion)
        {
            throw new ModelFileException($"Model file '{path}' was saved in model format {document.Format}; this version of Dials reads format {FormatVersion}. Update Dials.");
        }

        return new ModelInfo(document.Task.Value, document.LabelColumn, document.Classes, document.Trainer)
        {
            Study = document.Study,
            Trial = document.Trial,
            Threshold = document.Threshold,
            Inputs = [.. document.Inputs.Select(c => new ModelColumn(c.Name!, c.Type!) { Used = c.Used ?? true })],
        };
    }
}

/// <summary>The document's shape, kept apart from <see cref="ModelInfo"/> so the file stays fixed when that grows.</summary>
internal sealed class ModelInfoDocument
{
    public int Format { get; set; }

    public TaskKind? Task { get; set; }

    public string? LabelColumn { get; set; }

    public List<string>? Classes { get; set; }

    public string? Trainer { get; set; }

    public string? Study { get; set; }

    public int? Trial { get; set; }

    public double? Threshold { get; set; }

    public List<ModelColumnDocument>? Inputs { get; set; }
}

/// <summary>One input column in the document.</summary>
internal sealed class ModelColumnDocument
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public bool? Used { get; set; }
}

/// <summary>Source-generated serialization of the document: no reflection, so a trimmed or NativeAOT program (a .NET 10
/// file-based app is one by default) reads model.zip too; reflection-based serialization is switched off there.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ModelInfoDocument))]
internal sealed partial class ModelInfoJsonContext : JsonSerializerContext;
