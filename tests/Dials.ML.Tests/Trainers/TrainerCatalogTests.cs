using Dials.ML.Trainers;

namespace Dials.ML.Tests.Trainers;

/// <summary>Which trainers each task offers, the space of one task, and the <c>--trainers</c> names.</summary>
public sealed class TrainerCatalogTests
{
    [Fact]
    public void Each_task_offers_the_trainers_that_have_a_form_for_it()
    {
        Assert.Equal([TrainerKind.LightGbm, TrainerKind.FastTree, TrainerKind.FastForest, TrainerKind.Sdca, TrainerKind.Lbfgs, TrainerKind.Gam],
            TrainerCatalog.For(TaskKind.Binary));
        Assert.DoesNotContain(TrainerKind.Gam, TrainerCatalog.For(TaskKind.Multiclass));
        // ML.NET's L-BFGS regressor is Poisson regression: wrong for labels that can be negative.
        Assert.DoesNotContain(TrainerKind.Lbfgs, TrainerCatalog.For(TaskKind.Regression));
        Assert.All(Enum.GetValues<TaskKind>(), task => Assert.Equal(TrainerKind.LightGbm, TrainerCatalog.For(task)[0]));
    }

    [Fact]
    public void Only_GAM_needs_dense_numeric_features()
    {
        Assert.Equal([TrainerKind.Gam], Enum.GetValues<TrainerKind>().Where(t => !TrainerCatalog.ReadsText(t)));
        Assert.Equal("L-BFGS", TrainerCatalog.DisplayName(TrainerKind.Lbfgs));
        Assert.Equal("lightgbm", TrainerCatalog.FlagName(TrainerKind.LightGbm));
    }

    [Fact]
    public void The_space_of_a_task_offers_only_its_trainers_and_never_activates_the_others()
    {
        var space = TrainerCatalog.Space(TaskKind.Regression);

        var trainer = space.Dimensions[0];
        Assert.Equal(TrainerCatalog.For(TaskKind.Regression).Cast<object>(), trainer.Choices);
        Assert.Equal(TrainerKind.LightGbm, space.Decode(space.DefaultPoint).Trainer);
        var lbfgs = space.Dimensions.Where(d => d.Name.StartsWith("Lbfgs.", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(lbfgs);
        Assert.All(lbfgs, d => Assert.Empty(d.Condition!.Values));

        // The narrowed choice index maps back to the right trainer and its settings.
        var point = space.DefaultPoint.Select((v, i) => double.IsNaN(v) ? space.Dimensions[i].DefaultValue : v).ToArray();
        point[0] = 4;
        var gam = space.Dimensions.Select(d => d.Name).ToList().IndexOf("Gam.NumberOfIterations");
        point[gam] = 150;
        var config = space.Decode(point);
        Assert.Equal(TrainerKind.Gam, config.Trainer);
        Assert.Equal(150, config.Gam.NumberOfIterations);
    }

    [Fact]
    public void A_subset_keeps_catalog_order_and_defaults_to_its_first_trainer_without_LightGbm()
    {
        var both = TrainerCatalog.Space(TaskKind.Binary, [TrainerKind.Sdca, TrainerKind.LightGbm]);
        Assert.Equal([TrainerKind.LightGbm, TrainerKind.Sdca], both.Dimensions[0].Choices.Cast<TrainerKind>());
        Assert.Equal(TrainerKind.LightGbm, both.Decode(both.DefaultPoint).Trainer);

        var linear = TrainerCatalog.Space(TaskKind.Binary, [TrainerKind.Lbfgs, TrainerKind.Sdca]);
        var config = linear.Decode(linear.DefaultPoint);
        Assert.Equal(TrainerKind.Sdca, config.Trainer);
        Assert.Equal(new SdcaParameters(), config.Sdca);
    }

    [Fact]
    public void Naming_only_the_trainer_gives_its_default_settings()
    {
        var space = TrainerCatalog.Space(TaskKind.Binary);

        var config = space.Decode(space.FromValues(new Dictionary<string, object?> { ["Trainer"] = TrainerKind.FastTree }));

        Assert.Equal(new TrainerSearch { Trainer = TrainerKind.FastTree }, config);
    }

    [Fact]
    public void A_subset_with_a_trainer_the_task_lacks_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainerCatalog.Space(TaskKind.Regression, [TrainerKind.LightGbm, TrainerKind.Lbfgs]));
        Assert.Contains("L-BFGS", error.Message);
        Assert.Contains("regression", error.Message);
        Assert.Throws<ArgumentException>(() => TrainerCatalog.Space(TaskKind.Regression, []));
    }

    [Fact]
    public void Trainer_names_parse_in_any_case_and_spelling_without_repeats()
    {
        Assert.True(TrainerCatalog.TryParse(" LightGBM, l-bfgs,sdca,lightgbm ", TaskKind.Multiclass, out var kinds, out var problem));
        Assert.Null(problem);
        Assert.Equal([TrainerKind.LightGbm, TrainerKind.Lbfgs, TrainerKind.Sdca], kinds);
    }

    [Fact]
    public void An_unknown_trainer_is_named_with_the_valid_ones_for_the_task()
    {
        Assert.False(TrainerCatalog.TryParse("lightgbm,xgboost", TaskKind.Regression, out var kinds, out var problem));
        Assert.Empty(kinds);
        Assert.Equal("Unknown trainer 'xgboost'; trainers for regression: lightgbm, fasttree, fastforest, sdca, gam.", problem);
    }

    [Fact]
    public void A_trainer_without_a_form_for_the_task_is_refused()
    {
        Assert.False(TrainerCatalog.TryParse("gam", TaskKind.Multiclass, out _, out var problem));
        Assert.Equal("GAM ('gam') has no multiclass form; trainers for multiclass: lightgbm, fasttree, fastforest, sdca, lbfgs.", problem);
        Assert.False(TrainerCatalog.TryParse(" , ", TaskKind.Binary, out _, out problem));
        Assert.StartsWith("No trainer named;", problem, StringComparison.Ordinal);
    }
}
