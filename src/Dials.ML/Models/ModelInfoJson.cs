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

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Write(ModelInfo info) => JsonSerializer.SerializeToUtf8Bytes(new Document
    {
        Format = FormatVersion,
        Task = info.Task,
        LabelColumn = info.LabelColumn,
        Classes = [.. info.Classes],
        Trainer = info.Trainer,
        Study = info.Study,
        Trial = info.Trial,
        Inputs = [.. info.Inputs.Select(c => new ColumnDocument { Name = c.Name, Type = c.Type, Used = c.Used })],
    }, Options);

    /// <exception cref="ModelFileException">The JSON is malformed, incomplete or of a newer format.</exception>
    public static ModelInfo Read(Stream json, string path)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Options);
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

        if (document.Format > FormatVersion)
        {
            throw new ModelFileException($"Model file '{path}' was saved in model format {document.Format}; this version of Dials reads format {FormatVersion}. Update Dials.");
        }

        return new ModelInfo(document.Task.Value, document.LabelColumn, document.Classes, document.Trainer)
        {
            Study = document.Study,
            Trial = document.Trial,
            Inputs = [.. document.Inputs.Select(c => new ModelColumn(c.Name!, c.Type!) { Used = c.Used ?? true })],
        };
    }

    private sealed class Document
    {
        public int Format { get; set; }

        public TaskKind? Task { get; set; }

        public string? LabelColumn { get; set; }

        public List<string>? Classes { get; set; }

        public string? Trainer { get; set; }

        public string? Study { get; set; }

        public int? Trial { get; set; }

        public List<ColumnDocument>? Inputs { get; set; }
    }

    private sealed class ColumnDocument
    {
        public string? Name { get; set; }

        public string? Type { get; set; }

        public bool? Used { get; set; }
    }
}
