using Dials.ML.Trainers;

namespace Dials.ML.Tests.Trainers;

/// <summary>The generated space of <see cref="TrainerSearch"/>: one trainer choice, each trainer's settings nested
/// under its name and active only while that trainer is chosen.</summary>
public sealed class TrainerSearchSpaceTests
{
    private static readonly SearchSpace<TrainerSearch> Space = TrainerSearch.SearchSpace;

    [Fact]
    public void The_trainer_is_a_choice_of_every_kind_defaulting_to_LightGbm()
    {
        var trainer = Space.Dimensions[0];
        Assert.Equal("Trainer", trainer.Name);
        Assert.Equal(DimensionKind.Categorical, trainer.Kind);
        Assert.Equal(Enum.GetValues<TrainerKind>().Cast<object>(), trainer.Choices);
        Assert.Equal(new TrainerSearch(), Space.Default);
        Assert.Equal(TrainerKind.LightGbm, Space.Decode(Space.DefaultPoint).Trainer);
        Assert.Empty(Space.Validate(new TrainerSearch()));
    }

    [Fact]
    public void Each_trainers_settings_are_named_under_it_and_conditioned_on_its_choice()
    {
        string[] nested = ["LightGbm", "FastTree", "FastForest", "Sdca", "Lbfgs", "Gam"];
        Assert.Contains(Space.Dimensions, d => d.Name == "LightGbm.NumberOfLeaves");
        Assert.Contains(Space.Dimensions, d => d.Name == "FastForest.FeatureFractionPerSplit");
        foreach (var d in Space.Dimensions.Skip(1))
        {
            var prefix = d.Name[..d.Name.IndexOf('.', StringComparison.Ordinal)];
            Assert.Contains(prefix, nested);
            var condition = Assert.IsType<DimensionCondition>(d.Condition);
            Assert.Equal("Trainer", condition.Parent);
            Assert.Equal([(double)(int)Enum.Parse<TrainerKind>(prefix)], condition.Values);
        }

        // Every nested record contributes all of its dimensions.
        Assert.Equal(1 + LightGbmParameters.SearchSpace.Dimensions.Count + FastTreeParameters.SearchSpace.Dimensions.Count
            + FastForestParameters.SearchSpace.Dimensions.Count + SdcaParameters.SearchSpace.Dimensions.Count
            + LbfgsParameters.SearchSpace.Dimensions.Count + GamParameters.SearchSpace.Dimensions.Count, Space.Dimensions.Count);
    }

    [Fact]
    public void Every_trainers_defaults_are_a_valid_point()
    {
        Assert.All(Enum.GetValues<TrainerKind>(), kind => Assert.Empty(Space.Validate(new TrainerSearch { Trainer = kind })));
    }

    [Fact]
    public void The_default_point_has_only_LightGbms_settings_active()
    {
        var point = Space.DefaultPoint;
        for (var i = 1; i < point.Length; i++)
        {
            Assert.Equal(Space.Dimensions[i].Name.StartsWith("LightGbm.", StringComparison.Ordinal), !double.IsNaN(point[i]));
        }
    }

    [Fact]
    public void A_point_that_picks_FastForest_decodes_to_FastForests_settings_and_defaults_elsewhere()
    {
        // Inactive coordinates are NaN; choosing FastForest needs its coordinates set, here to their defaults.
        var point = Space.DefaultPoint.Select((v, i) => double.IsNaN(v) ? Space.Dimensions[i].DefaultValue : v).ToArray();
        point[0] = (int)TrainerKind.FastForest;
        point[Index("FastForest.NumberOfTrees")] = 37;
        point[Index("FastForest.FeatureFractionPerSplit")] = 0.5;
        // An inactive dimension's value is ignored: LightGBM is not the trainer.
        point[Index("LightGbm.NumberOfLeaves")] = 200;

        var config = Space.Decode(point);

        Assert.Equal(TrainerKind.FastForest, config.Trainer);
        Assert.Equal(new FastForestParameters { NumberOfTrees = 37, FeatureFractionPerSplit = 0.5 }, config.FastForest);
        Assert.Equal(new LightGbmParameters(), config.LightGbm);

        var encoded = Space.Encode(config);
        Assert.True(double.IsNaN(encoded[Index("LightGbm.NumberOfLeaves")]));
        Assert.Equal(37, encoded[Index("FastForest.NumberOfTrees")]);
    }

    [Fact]
    public void Settings_of_a_trainer_not_chosen_are_not_validated()
    {
        var config = new TrainerSearch { Trainer = TrainerKind.Sdca, LightGbm = new LightGbmParameters { NumberOfLeaves = 1 } };

        Assert.Empty(Space.Validate(config));
        Assert.Contains(Space.Validate(config with { Trainer = TrainerKind.LightGbm }), e => e.Path == "LightGbm.NumberOfLeaves");
    }

    private static int Index(string name) => Space.Dimensions.Select(d => d.Name).ToList().IndexOf(name);
}
