using Dials;
using Dials.ML;
using Dials.ML.Trainers;
using Dials.ML.Tuning;
using Dials.MultiObjective;
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
    private TuningRun(MLContext ml, TabularData dataset, SealedSplit split, TaskMetric metric, int seed, SearchSpace<TrainerSearch> space,
        TrainerColumns columns, int parallel, CrossValidatedObjective<TrainerSearch> objective, IReadOnlyList<TrainerKind> searched,
        IReadOnlyList<TrainerKind> leftOut)
    {
        Searched = searched;
        LeftOut = leftOut;
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
    public TabularData Dataset { get; }

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

    /// <summary>The trainers the study searches, in catalog order.</summary>
    public IReadOnlyList<TrainerKind> Searched { get; }

    /// <summary>The task's trainers left out of the search because they cannot read the data's text columns.</summary>
    public IReadOnlyList<TrainerKind> LeftOut { get; }

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
        var dataset = TabularData.Load(ml, settings.Data, settings.Label, task, settings.Columns);
        var stratify = task == TaskKind.Regression ? null : dataset.LabelColumn;
        var split = SealedSplit.Create(dataset.Data, TuneSettings.TestFraction, seed, stratify);
        var metric = TaskMetric.DefaultFor(task);
        var (trainers, leftOut) = TrainersFor(dataset, settings.Trainers);
        var space = TrainerCatalog.Space(task, trainers);
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
        return new TuningRun(ml, dataset, split, metric, seed, space, columns, settings.Parallel, objective,
            [.. TrainerCatalog.For(task).Where(trainers.Contains)], leftOut);
    }

    /// <summary>The trainers searched: those named, or all the task offers; with text columns, a trainer that reads only
    /// dense numeric features is left out of "all" and refused when named.</summary>
    /// <exception cref="DataException">A trainer named in <c>--trainers</c> cannot read a text column.</exception>
    private static (IReadOnlyList<TrainerKind> Searched, IReadOnlyList<TrainerKind> LeftOut) TrainersFor(TabularData dataset, IReadOnlyList<TrainerKind>? named)
    {
        var all = named ?? TrainerCatalog.For(dataset.Task);
        var numericOnly = all.Where(t => !TrainerCatalog.ReadsText(t)).ToList();
        if (!dataset.HasText || numericOnly.Count == 0)
        {
            return (all, []);
        }

        var text = string.Join(", ", dataset.Columns.Where(c => c.Kind == ColumnKind.Text).Select(c => $"'{c.Name}'"));
        if (named is not null)
        {
            var trainer = TrainerCatalog.DisplayName(numericOnly[0]);
            throw new DataException(
                $"Column {text} is text, and --trainers names {trainer}, which reads dense numeric features only. Leave {TrainerCatalog.FlagName(numericOnly[0])} out of --trainers, or drop the column with --ignore.");
        }

        return ([.. all.Except(numericOnly)], numericOnly);
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

    /// <summary>Creates (or resumes) a study of several named objectives, one direction each (the names kept with the
    /// study, so the report and the model card say "rmse (minimise)"), with the defaults as trial 0 of a
    /// new one. It does not prune: pruning compares one objective's intermediate values.</summary>
    public Study<TrainerSearch> CreateParetoStudy(string name, ISampler sampler, Dials.Storage.IStudyStorage storage, IReadOnlyList<NamedObjective> objectives) =>
        WithDefaultsFirst(Study.Create(Space, new StudyOptions
        {
            Name = name,
            Directions = [.. objectives.Select(o => o.Direction)],
            ObjectiveNames = [.. objectives.Select(o => o.Name)],
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

    /// <summary>Fits <paramref name="config"/> on all training rows: the label conversion apart, then the featurizer and
    /// the trainer as one model that reads the file's columns without the label (what model.zip holds).</summary>
    public FittedModel FitOnTraining(TrainerSearch config)
    {
        var label = Dataset.ConvertLabel(Ml).Fit(Split.Train);
        var model = Dataset.FeaturizeFeatures(Ml).Append(config.Build(Ml, Dataset.Task, Columns)).Fit(label.Transform(Split.Train));
        return new FittedModel(label, model);
    }
}
