using Dials;
using Dials.ML;
using Dials.ML.Trainers;
using Dials.ML.Tuning;
using Dials.Pruners;
using Dials.Samplers;
using Microsoft.ML;

namespace TuneMlNet;

/// <summary>
/// One tuning of LightGbm on a dataset's training split: a study over <see cref="LightGbmParameters"/> scored by
/// cross-validation, the defaults enqueued as trial 0 so the search starts from a known baseline. The test split is
/// not touched here; <see cref="FinalComparison"/> uses it once.
/// </summary>
public sealed class TuningRun
{
    private TuningRun(MLContext ml, CsvDataset dataset, SealedSplit split, TaskMetric metric, int seed, CrossValidatedObjective<LightGbmParameters> objective)
    {
        Ml = ml;
        Dataset = dataset;
        Split = split;
        Metric = metric;
        Seed = seed;
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

    /// <summary>The cross-validated objective (fold scores of this process's trials).</summary>
    public CrossValidatedObjective<LightGbmParameters> Objective { get; }

    /// <summary>Loads the data (checking it) and prepares split and folds.</summary>
    /// <exception cref="DataException">The data cannot be used; the message says why.</exception>
    public static TuningRun Prepare(string data, string label, TaskKind task, int seed, int folds)
    {
        var ml = new MLContext(seed);
        var dataset = CsvDataset.Load(ml, data, label, task);
        var stratify = task == TaskKind.Regression ? null : dataset.LabelColumn;
        var split = SealedSplit.Create(dataset.Data, TuneSettings.TestFraction, seed, stratify);
        var metric = TaskMetric.DefaultFor(task);
        var objective = new CrossValidatedObjective<LightGbmParameters>(ml, split.Train, dataset.Featurize(ml),
            p => LightGbmTask.Trainer(ml, task, p, seed), metric,
            new CrossValidationOptions
            {
                Folds = folds,
                Seed = seed,
                StratifyBy = stratify,
                Threshold = task == TaskKind.Binary ? ThresholdGoal.MaximizeF1 : null,
            });
        return new TuningRun(ml, dataset, split, metric, seed, objective);
    }

    /// <summary>Creates (or resumes) the study in <paramref name="storage"/>; a new study gets the defaults as trial 0.</summary>
    public Study<LightGbmParameters> CreateStudy(string name, ISampler sampler, Dials.Storage.IStudyStorage storage)
    {
        var study = Study.Create<LightGbmParameters>(new StudyOptions
        {
            Name = name,
            Direction = Metric.Direction,
            Sampler = sampler,
            // Every trial uses the same folds, so fold 1 of one trial compares fairly with fold 1 of another.
            Pruner = new MedianPruner(startupTrials: 5, warmupSteps: 1),
            Storage = storage,
        });
        if (study.GetResult().Trials.Count == 0)
        {
            study.Enqueue(LightGbmParameters.SearchSpace.Default);
        }

        return study;
    }

    /// <summary>Creates (or resumes) a study of several objectives, one direction each, with the defaults as trial 0 of a
    /// new one. It does not prune: pruning compares one objective's intermediate values.</summary>
    public Study<LightGbmParameters> CreateParetoStudy(string name, ISampler sampler, Dials.Storage.IStudyStorage storage, IReadOnlyList<Direction> directions)
    {
        var study = Study.Create<LightGbmParameters>(new StudyOptions
        {
            Name = name,
            Directions = directions,
            Sampler = sampler,
            Storage = storage,
        });
        if (study.GetResult().Trials.Count == 0)
        {
            study.Enqueue(LightGbmParameters.SearchSpace.Default);
        }

        return study;
    }

    /// <summary>Runs the study to its total budget, telling <paramref name="progress"/> after every trial.</summary>
    public Task<StudyResult<LightGbmParameters>> OptimizeAsync(Study<LightGbmParameters> study, int trials, TimeSpan? timeout,
        IProgress<StudyProgress>? progress) =>
        study.OptimizeAsync(Objective.RunAsync, progress, trials, parallelism: 1, timeout: timeout);

    /// <summary>Fits the full pipeline for <paramref name="config"/> on all training rows.</summary>
    public ITransformer FitOnTraining(LightGbmParameters config) =>
        Dataset.Featurize(Ml).Append(LightGbmTask.Trainer(Ml, Dataset.Task, config, Seed)).Fit(Split.Train);
}
