using Dials.ML;

namespace TuneMlNet;

/// <summary>What one run tunes, on what, with what budget and where it keeps the study.</summary>
/// <param name="Data">The CSV file.</param>
/// <param name="Label">The label column.</param>
/// <param name="Task">The task.</param>
/// <param name="Trials">The study's total trial budget (a resumed study counts the trials it already has).</param>
/// <param name="Timeout">No trial starts after this much time in this run; null for none.</param>
/// <param name="Storage">Where the study lives: a journal file path (or <c>journal:PATH</c>), or <c>sqlite:PATH</c>;
/// the tuning log and model card go next to the file.</param>
/// <param name="Seed">Seeds the split, the folds, the sampler and the trainer.</param>
/// <param name="Folds">Cross-validation folds.</param>
/// <param name="Sampler">The sampler's name in <see cref="SamplerCatalog"/>.</param>
public sealed record TuneSettings(string Data, string Label, TaskKind Task, int Trials, TimeSpan? Timeout, string Storage, int Seed, int Folds = 5,
    string Sampler = SamplerCatalog.Default)
{
    /// <summary>The fraction of rows sealed as the test split.</summary>
    public const double TestFraction = 0.2;

    /// <summary>The study's name: the data, label, task and seed, so a different split never mixes into a study.</summary>
    public string StudyName => $"{Path.GetFileNameWithoutExtension(Data)}-{Label}-{Task.ToString().ToLowerInvariant()}-lightgbm-seed{Seed}";

    /// <summary>The storage file's path, without its kind prefix.</summary>
    public string StorageFile => Storage.StartsWith("sqlite:", StringComparison.Ordinal) ? Storage["sqlite:".Length..]
        : Storage.StartsWith("journal:", StringComparison.Ordinal) ? Storage["journal:".Length..] : Storage;

    /// <summary>Opens the storage the spec names (the folder is created when missing).</summary>
    public Dials.Storage.IStudyStorage OpenStorage()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StorageFile))!);
        return Storage.StartsWith("sqlite:", StringComparison.Ordinal)
            ? Dials.Storage.Sqlite.SqliteStorage.ForFile(StorageFile)
            : Dials.Storage.Storage.JournalFile(StorageFile);
    }

    /// <summary>A file next to the storage: its name without extension plus <paramref name="suffix"/>.</summary>
    public string Beside(string suffix) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(StorageFile))!, Path.GetFileNameWithoutExtension(StorageFile) + suffix);
}
