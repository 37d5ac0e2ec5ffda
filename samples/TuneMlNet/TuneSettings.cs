using Dials.Catalogs;
using Dials.ML;
using Dials.ML.Trainers;
using Dials.Storage;

namespace TuneMlNet;

/// <summary>What one run tunes, on what, with what budget and where it keeps the study.</summary>
/// <param name="Data">The CSV file.</param>
/// <param name="Label">The label column.</param>
/// <param name="Task">The task.</param>
/// <param name="Trials">The study's total trial budget (a resumed study counts the trials it already has).</param>
/// <param name="Timeout">No trial starts after this much time in this run; null for none.</param>
/// <param name="Storage">Where the study lives: a journal file path (or <c>journal:PATH</c>), <c>sqlite:PATH</c> or
/// <c>postgres:CONNECTION-STRING</c> (see <see cref="StorageLocation"/>); the tuning log and model card go next to the
/// file, or under <c>runs/</c> for PostgreSQL.</param>
/// <param name="Seed">Seeds the split, the folds, the sampler and the trainer.</param>
/// <param name="Folds">Cross-validation folds.</param>
/// <param name="Sampler">The sampler's name in <see cref="SamplerCatalog"/>.</param>
/// <param name="Objectives">Several objectives (<c>--objectives</c>) for <see cref="ParetoJob"/>; null for the task's
/// metric alone.</param>
/// <param name="MaxLatency">With latency among <paramref name="Objectives"/>: the largest latency, in microseconds per
/// row, the chosen point may have.</param>
/// <param name="Trainers">The trainers searched (<c>--trainers</c>); null for every trainer the task offers.</param>
/// <param name="Parallel">How many trials run at once.</param>
/// <param name="Threads">Threads per trainer: null for one (see <see cref="ThreadsPerTrial"/>), 0 for each trainer
/// library's own default (every core), or a number.</param>
/// <param name="Columns">How columns are read where inference should not decide (<c>--categorical</c>, <c>--text</c>,
/// <c>--ignore</c>, <c>--numeric</c> and the <c>Columns</c> section of appsettings.json); null to infer every column.</param>
public sealed record TuneSettings(string Data, string Label, TaskKind Task, int Trials, TimeSpan? Timeout, string Storage, int Seed, int Folds = 5,
    string Sampler = SamplerCatalog.DefaultKind, IReadOnlyList<JobObjective>? Objectives = null, double? MaxLatency = null,
    IReadOnlyList<TrainerKind>? Trainers = null, int Parallel = 1, int? Threads = null, ColumnOverrides? Columns = null)
{
    /// <summary>The fraction of rows sealed as the test split.</summary>
    public const double TestFraction = 0.2;

    /// <summary>The study's name: the data, label, task and seed, so a different split never mixes into a study.</summary>
    /// <remarks>A study of several objectives adds their names (<c>-rmse-latency</c>): it is another study, with other
    /// directions, in the same storage.</remarks>
    public string StudyName => $"{Path.GetFileNameWithoutExtension(Data)}-{Label}-{Task.ToString().ToLowerInvariant()}-{TrainersKey}-seed{Seed}" +
        (Objectives is { Count: > 1 } several ? "-" + string.Join("-", several.Select(o => JobObjectives.Name(o, Dials.ML.Tuning.TaskMetric.DefaultFor(Task)))) : "");

    /// <summary>The trainers searched as the study's name has them: <c>trainers</c> for all the task offers, else their
    /// flag names (<c>lightgbm</c>, <c>lightgbm-sdca</c>).</summary>
    public string TrainersKey => Trainers is null ? "trainers" : string.Join("-", Trainers.Select(TrainerCatalog.FlagName));

    /// <summary>The thread count each trainer gets (<see cref="TrainerColumns.Threads"/>): as given, null (the library's
    /// own default, every core) for 0, else <see cref="TrainerThreads.PerModel"/>: one per trial, the cores used by
    /// <see cref="Parallel"/> trials instead (on a busy machine LightGbm's own default made a 12 s run take 56 s).</summary>
    public int? ThreadsPerTrial => Threads switch
    {
        null => TrainerThreads.PerModel,
        0 => null,
        var n => n,
    };

    /// <summary>Where the study lives, parsed by the one storage-spec parser (a bare path is a journal; an unknown
    /// prefix is an error). Print this, never <see cref="Storage"/>: its text hides a connection string's password.</summary>
    /// <exception cref="ArgumentException">The spec is malformed or has an unknown prefix.</exception>
    public StorageLocation Location => StorageLocation.Parse(Storage);

    /// <summary>Opens the storage the spec names (a journal's or SQLite file's folder is created when missing). The
    /// sample offers every back end, so it references both database packages and registers their openers here.</summary>
    public IStudyStorage OpenStorage()
    {
        Dials.Storage.Sqlite.SqliteStorageOpener.Register();
        Dials.Storage.Postgres.PostgresStorageOpener.Register();
        return StudyStorageOpeners.Open(Location);
    }

    /// <summary>A file next to the storage file: its name without extension plus <paramref name="suffix"/>; for a
    /// storage without a file (PostgreSQL), under <c>runs/</c> named after the study.</summary>
    public string Beside(string suffix)
    {
        var file = Path.GetFullPath(Location.FilePath ?? Path.Combine("runs", StudyName));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + suffix);
    }
}
