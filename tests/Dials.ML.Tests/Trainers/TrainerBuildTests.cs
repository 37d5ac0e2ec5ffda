using System.Reflection;
using Dials.ML.Trainers;
using Dials.ML.Tuning;
using Dials.Samplers;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Dials.ML.Tests.Trainers;

/// <summary>Every trainer the catalog offers for a task builds, fits and predicts, with the threads it is given.</summary>
public sealed class TrainerBuildTests
{
    public static TheoryData<TaskKind, TrainerKind> Offered()
    {
        var data = new TheoryData<TaskKind, TrainerKind>();
        foreach (var task in Enum.GetValues<TaskKind>())
        {
            foreach (var trainer in TrainerCatalog.For(task))
            {
                data.Add(task, trainer);
            }
        }

        return data;
    }

    public static TheoryData<TaskKind, TrainerKind> NotOffered()
    {
        var data = new TheoryData<TaskKind, TrainerKind>();
        foreach (var task in Enum.GetValues<TaskKind>())
        {
            foreach (var trainer in Enum.GetValues<TrainerKind>().Except(TrainerCatalog.For(task)))
            {
                data.Add(task, trainer);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Offered))]
    public void Every_offered_trainer_fits_and_predicts_what_the_tasks_metric_reads(TaskKind task, TrainerKind trainer)
    {
        var ml = new MLContext(seed: 1);
        var data = Data(ml);

        var model = Label(ml, task).Append(Smallest(trainer).Build(ml, task, new TrainerColumns(Threads: 1))).Fit(data);
        var scored = model.Transform(data);

        Assert.Contains(scored.Schema, c => c.Name == "Score");
        if (task == TaskKind.Binary)
        {
            Assert.Contains(scored.Schema, c => c.Name == "Probability");
        }

        var score = TaskMetric.DefaultFor(task).Score(ml, scored);
        Assert.True(double.IsFinite(score), $"{TaskMetric.DefaultFor(task)} = {score}");
    }

    [Theory]
    [MemberData(nameof(NotOffered))]
    public void A_trainer_without_a_form_for_the_task_is_refused(TaskKind task, TrainerKind trainer)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new TrainerSearch { Trainer = trainer }.Build(new MLContext(1), task, new TrainerColumns()));
        Assert.Contains(TrainerCatalog.DisplayName(trainer), error.Message);
    }

    [Theory]
    [MemberData(nameof(Offered))]
    public void The_thread_count_reaches_the_trainers_options(TaskKind task, TrainerKind trainer)
    {
        var ml = new MLContext(seed: 1);
        var config = new TrainerSearch { Trainer = trainer };

        var given = ThreadOptions(config.Build(ml, task, new TrainerColumns(Threads: 3)));
        var unset = ThreadOptions(config.Build(ml, task, new TrainerColumns()));

        Assert.NotEmpty(given);
        // SDCA stays on one thread: with more it is not repeatable.
        Assert.All(given, threads => Assert.Equal(trainer == TrainerKind.Sdca ? 1 : 3, threads));
        Assert.All(unset, threads => Assert.Equal(trainer == TrainerKind.Sdca ? 1 : null, threads));
    }

    [Fact]
    public async Task One_study_searches_trainers_and_their_settings_together()
    {
        var ml = new MLContext(seed: 1);
        var columns = new TrainerColumns(Seed: 1, Threads: 1);
        var objective = new CrossValidatedObjective<TrainerSearch>(ml, Data(ml), Label(ml, TaskKind.Binary),
            config => config.Build(ml, TaskKind.Binary, columns), TaskMetric.Auc, new CrossValidationOptions { Folds = 2, Seed = 1 });
        // Small models keep the test quick; the space is otherwise the task's own.
        var space = TrainerCatalog.Space(TaskKind.Binary, [TrainerKind.LightGbm, TrainerKind.Sdca, TrainerKind.FastForest])
            .Narrow("LightGbm.NumberOfIterations", high: 30)
            .Narrow("FastForest.NumberOfTrees", high: 30);
        var study = Study.Create(space, new StudyOptions { Sampler = new RandomSampler(seed: 3) });

        var result = await study.OptimizeAsync(objective.RunAsync, trials: 12);

        Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        var chosen = result.Trials.Select(t => (TrainerKind)t.Parameters["Trainer"]).Distinct().ToArray();
        Assert.Equal(3, chosen.Length);
        // A trial records the chosen trainer's settings and no other trainer's.
        Assert.All(result.Trials, t => Assert.All(t.Parameters.Keys.Where(k => k != "Trainer"),
            k => Assert.StartsWith(t.Parameters["Trainer"] + ".", k, StringComparison.Ordinal)));
    }

    // The smallest model of each trainer (every setting at the low end of its range), so the test runs in seconds.
    private static TrainerSearch Smallest(TrainerKind trainer) => new()
    {
        Trainer = trainer,
        LightGbm = LightGbmParameters.SearchSpace.DecodeUnit(Zeros(LightGbmParameters.SearchSpace)),
        FastTree = FastTreeParameters.SearchSpace.DecodeUnit(Zeros(FastTreeParameters.SearchSpace)),
        FastForest = FastForestParameters.SearchSpace.DecodeUnit(Zeros(FastForestParameters.SearchSpace)),
        Sdca = SdcaParameters.SearchSpace.DecodeUnit(Zeros(SdcaParameters.SearchSpace)),
        Lbfgs = LbfgsParameters.SearchSpace.DecodeUnit(Zeros(LbfgsParameters.SearchSpace)),
        Gam = GamParameters.SearchSpace.DecodeUnit(Zeros(GamParameters.SearchSpace)),
    };

    private static double[] Zeros(SearchSpace space) => new double[space.Dimensions.Count];

    // The metrics read a column named Label: a key for multiclass, the bool or the number otherwise.
    private static IEstimator<ITransformer> Label(MLContext ml, TaskKind task) => task switch
    {
        TaskKind.Binary => ml.Transforms.CopyColumns("Label", nameof(SyntheticExamples.Example.Positive)),
        TaskKind.Regression => ml.Transforms.CopyColumns("Label", nameof(SyntheticExamples.Example.Target)),
        _ => ml.Transforms.Conversion.MapValueToKey("Label", nameof(SyntheticExamples.Example.Class)),
    };

    private static IDataView Data(MLContext ml) => SyntheticExamples.Load(ml, rows: 60);

    // ML.NET keeps a trainer's options in non-public fields; this walks the estimator (through chains and
    // one-versus-all) and collects every NumberOfThreads it finds.
    private static List<int?> ThreadOptions(object estimator)
    {
        var found = new List<int?>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);

        void Walk(object? value, int depth)
        {
            if (value is null || depth > 5 || value is string || value.GetType().IsPrimitive || value is IHostEnvironment
                || !seen.Add(value))
            {
                return;
            }

            if (value is Array array)
            {
                foreach (var item in array)
                {
                    Walk(item, depth + 1);
                }

                return;
            }

            if (!(value.GetType().Namespace ?? "").StartsWith("Microsoft.ML", StringComparison.Ordinal))
            {
                return;
            }

            for (var type = value.GetType(); type is not null; type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.Name == "NumberOfThreads" && field.FieldType == typeof(int?))
                    {
                        found.Add((int?)field.GetValue(value));
                    }
                    else if (!field.FieldType.IsValueType)
                    {
                        Walk(field.GetValue(value), depth + 1);
                    }
                }
            }
        }

        Walk(estimator, 0);
        return found;
    }
}
