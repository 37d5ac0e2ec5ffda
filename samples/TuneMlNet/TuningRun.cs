using Dials;
using Dials.ML;
using Dials.ML.Trainers;
using Dials.ML.Tuning;
using Dials.Pruners;
using Dials.Samplers;
using Microsoft.ML;

namespace TuneMlNet;

/// <summary>
/// One tuning on a dataset's training split: a study over <see cref="TrainerSearch"/> (which trainer, and its settings,
/// in one space narrowed to the task's trainers or the <c>--trainers</c> named) scored by cross-validation, the
/// defaults (LightGbm's, or the first trainer kept) enqueued as trial 0 so the search starts from a known baseline.
/// The test split is not touched here; <see cref="FinalComparison"/> uses it once.
/// </summary>
public sealed class TuningRun
{
    private TuningRun(MLContext ml, CsvDataset dataset, SealedSplit split, TaskMetric metric, int seed, SearchSpace<TrainerSearch> space,
        TrainerColumns columns, int parallel, CrossValidatedObjective<TrainerSearch> objective)
    {
        Ml = ml;
        Dataset = dataset;
        Split = split;
        Metric = metric;
        Seed = seed;
        Space = space;
        Columns = columns;
        Parallel = parallel;
        Objective = objective;
    }

    /// <summary>The ML.NET context.</summary>
    public MLContext Ml { get; }

    /// <summary>The loaded data.</summary>
    public CsvDataset Dataset { get; }

    /// <summary>The split: training rows for the tuner, test rows sealed.</summary>
    public SealedSplit Split { get; }

    /// <summary>The metric tuned and reported.</summary>
    public TaskMetric Metric { get; }

    /// <summary>The seed of split, folds, sampler and trainer.</summary>
    public int Seed { get; }

    /// <summary>The trainers searched and their settings.</summary>
    public SearchSpace<TrainerSearch> Space { get; }

    /// <summary>The trainers' columns, seed and thread count.</summary>
    public TrainerColumns Columns { get; }

    /// <summary>How many trials run at once.</summary>
    public int Parallel { get; }

    /// <summary>The cross-validated objective (fold scores of this process's trials).</summary>
    public CrossValidatedObjective<TrainerSearch> Objective { get; }

    /// <summary>Loads the data (checking it) and prepares split and folds for <paramref name="seed"/>.</summary>
    /// <exception cref="DataException">The data cannot be used; the message says why.</exception>
    public static TuningRun Prepare(TuneSettings settings, int seed)
    {
        var ml = new MLContext(seed);
        var task = settings.Task;
        var dataset = CsvDataset.Load(ml, settings.Data, settings.Label, task);
        var stratify = task == TaskKind.Regression ? null : dataset.LabelColumn;
        var split = SealedSplit.Create(dataset.Data, TuneSettings.TestFraction, seed, stratify);
        var metric = TaskMetric.DefaultFor(task);
        var space = TrainerCatalog.Space(task, settings.Trainers);
        var columns = new TrainerColumns(Seed: seed, Threads: settings.ThreadsPerTrial);
        var objective = new CrossValidatedObjective<TrainerSearch>(ml, split.Train, dataset.Featurize(ml),
            config => config.Build(ml, task, columns), metric,
            new CrossValidationOptions
            {
                Folds = settings.Folds,
                Seed = seed,
                StratifyBy = stratify,
                Threshold = task == TaskKind.Binary ? ThresholdGoal.MaximizeF1 : null,
            });
        return new TuningRun(ml, dataset, split, metric, seed, space, columns, settings.Parallel, objective);
    }

    /// <summary>Creates (or resumes) the study in <paramref name="storage"/>; a new study gets the defaults as trial 0.</summary>
    public Study<TrainerSearch> CreateStudy(string name, ISampler sampler, Dials.Storage.IStudyStorage storage) =>
        WithDefaultsFirst(Study.Create(Space, new StudyOptions
        {
            Name = name,
            Direction = Metric.Direction,
            Sampler = sampler,
            // Every trial uses the same folds, so fold 1 of one trial compares fairly with fold 1 of another.
            Pruner = new MedianPruner(startupTrials: 5, warmupSteps: 1),
            Storage = storage,
        }));

    /// <summary>Creates (or resumes) a study of several objectives, one direction each, with the defaults as trial 0 of a
    /// new one. It does not prune: pruning compares one objective's intermediate values.</summary>
    public Study<TrainerSearch> CreateParetoStudy(string name, ISampler sampler, Dials.Storage.IStudyStorage storage, IReadOnlyList<Direction> directions) =>
        WithDefaultsFirst(Study.Create(Space, new StudyOptions
        {
            Name = name,
            Directions = directions,
            Sampler = sampler,
            Storage = storage,
        }));

    private Study<TrainerSearch> WithDefaultsFirst(Study<TrainerSearch> study)
    {
        if (study.GetResult().Trials.Count == 0)
        {
            study.Enqueue(Space.Default);
        }

        return study;
    }

    /// <summary>Runs the study to its total budget, <see cref="Parallel"/> trials at a time, telling
    /// <paramref name="progress"/> after every trial.</summary>
    public Task<StudyResult<TrainerSearch>> OptimizeAsync(Study<TrainerSearch> study, int trials, TimeSpan? timeout,
        IProgress<StudyProgress>? progress) =>
        study.OptimizeAsync(Objective.RunAsync, progress, trials, parallelism: Parallel, timeout: timeout);

    /// <summary>Fits the full pipeline (featurizer and trainer) for <paramref name="config"/> on all training rows.</summary>
    public ITransformer FitOnTraining(TrainerSearch config) =>
        Dataset.Featurize(Ml).Append(config.Build(Ml, Dataset.Task, Columns)).Fit(Split.Train);
}
