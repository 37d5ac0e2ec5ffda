using Dials.Samplers;
using Dials.Storage.Sqlite;

namespace Dials.Cli.Tests;

/// <summary>
/// Real studies on disk, made once for the end-to-end tests: a journal holding "ranker" (40 trials of
/// <see cref="TrainingSettings"/>, minimised, with pruned trials, failed ones with a hostile reason, and intermediate
/// values), "tiny" (maximised, 3 trials: the queued defaults, then two random ones) and "doomed" (every trial failed);
/// and a SQLite file holding "ranker" again.
/// </summary>
public sealed class StoredStudies : IDisposable
{
    /// <summary>The reason failed trials give: a comma, quotes and a line break, to break naive CSV.</summary>
    public const string HostileReason = "diverged, loss=\"NaN\"\nat step 3";

    public const int RankerTrials = 40;

    /// <summary>Why tiny's first trial was queued: with a comma, quotes and a line break, like <see cref="HostileReason"/>.</summary>
    public const string QueuedReason = "the defaults, \"as shipped\"\nin 1.0";

    public StoredStudies()
    {
        Journal = Path.Combine(Directory.FullName, "studies.jsonl");
        Sqlite = Path.Combine(Directory.FullName, "studies.db");
        Build(new JournalStorage(Journal));
        Build(new SqliteStorage(Sqlite), onlyRanker: true);
    }

    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("dials-cli-");

    public string Journal { get; }

    public string Sqlite { get; }

    public string JournalSpec => "journal:" + Journal;

    /// <summary>A study of the journal, read in process, to compare the CLI's output with.</summary>
    public StudySnapshot Load(string study) => StudySnapshot.Load(new JournalStorage(Journal), study);

    public string SqliteSpec => "sqlite:" + Sqlite;

    /// <summary>The objective: mostly the learning rate's distance from 1e-2 on a log scale, a little batch size.</summary>
    public static double Loss(TrainingSettings s) =>
        Math.Pow(Math.Log10(s.LearningRate) + 2, 2) + 0.01 * Math.Log2(s.BatchSize) + (s.Schedule.Cosine ? 0 : 0.001);

    private static void Build(IStudyStorage storage, bool onlyRanker = false)
    {
        var ranker = Study.Create<TrainingSettings>(new StudyOptions { Name = "ranker", Storage = storage, Sampler = new RandomSampler(7) });
        ranker.OptimizeAsync((config, trial, _) =>
        {
            trial.Report(1, Loss(config) + 1);
            trial.Report(2, Loss(config) + 0.5);
            return trial.Number switch
            {
                5 or 11 => throw new TrialPrunedException(),
                8 => throw new InvalidOperationException(HostileReason),
                _ => ValueTask.FromResult(Loss(config)),
            };
        }, trials: RankerTrials).GetAwaiter().GetResult();
        if (onlyRanker)
        {
            return;
        }

        var tiny = Study.Create<TrainingSettings>(new StudyOptions
        {
            Name = "tiny", Storage = storage, Direction = Direction.Maximize, Sampler = new RandomSampler(1),
        });
        tiny.Enqueue(TrainingSettings.SearchSpace.Default, QueuedReason);
        tiny.OptimizeAsync(config => -Loss(config), trials: 3).GetAwaiter().GetResult();
        var doomed = Study.Create<TrainingSettings>(new StudyOptions { Name = "doomed", Storage = storage, Sampler = new RandomSampler(2) });
        doomed.OptimizeAsync(double (_) => throw new InvalidOperationException("out of memory"), trials: 2).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle may linger on some systems; the temp folder is the OS's to clean then.
        }
    }
}

/// <summary>Builds the stored studies once for every end-to-end test class.</summary>
[CollectionDefinition(Name)]
public sealed class StoredStudiesCollection : ICollectionFixture<StoredStudies>
{
    public const string Name = "stored studies";
}
