using System.Globalization;
using Dials.Generators.Tests.Records;

namespace Dials.Generators.Tests;

/// <summary>Runs the code the generator wrote for the records in <c>Records/</c>.</summary>
public sealed class GeneratedCodeTests
{
    private static readonly SearchSpace<TrainingConfig> Space = TrainingConfig.SearchSpace;

    [Fact]
    public void Dimensions_describe_the_declarations()
    {
        Assert.Equal(
            ["LearningRate", "BatchSize", "Epochs", "Trees", "Dropout", "Optimizer", "Activation", "UseBias", "Beta2"],
            Space.Dimensions.Select(d => d.Name));
        var lr = Space.Dimensions[0];
        Assert.Equal((DimensionKind.Float, 1e-5, 1e-1, true), (lr.Kind, lr.Low, lr.High, lr.Log));
        Assert.Equal(1e-3, lr.Default);
        Assert.Equal(DimensionKind.PowerOfTwo, Space.Dimensions[1].Kind);
        Assert.Equal(6, Space.Dimensions[1].Count);
        Assert.Equal((3d, 34), (Space.Dimensions[2].Step, Space.Dimensions[2].Count));
        Assert.Equal([Optimizer.Sgd, Optimizer.Adam, Optimizer.AdamW], Space.Dimensions[5].Choices);
        Assert.Equal(Optimizer.Adam, Space.Dimensions[5].Default);
        Assert.Equal([false, true], Space.Dimensions[7].Choices);
        Assert.All(Space.Dimensions, d => Assert.Null(d.Condition));
    }

    [Fact]
    public void Default_is_the_initializers_and_validates() =>
        Assert.Empty(Space.Validate(Assert.IsType<TrainingConfig>(Space.Default) with { }));

    [Fact]
    public void The_interface_reaches_the_space_from_generic_code()
    {
        static SearchSpace<T> SpaceOf<T>() where T : IHyperparameters<T> => T.SearchSpace;
        Assert.Same(TrainingConfig.SearchSpace, SpaceOf<TrainingConfig>());
    }

    [Fact]
    public void Random_points_decode_to_valid_configs_that_encode_back()
    {
        var random = new Random(7);
        for (var n = 0; n < 500; n++)
        {
            var unit = Space.Dimensions.Select(_ => random.NextDouble()).ToArray();
            var point = Space.FromUnit(unit);
            var config = Space.Decode(point);

            Assert.Empty(Space.Validate(config));
            Assert.Equal(point, Space.Encode(config));
            Assert.Equal("untuned", config.RunName);
        }
    }

    [Fact]
    public void Decoded_values_land_on_their_grids()
    {
        var config = Space.DecodeUnit([1.0, 0.5, 0.5, 0.0, 0.5, 0.9, 0.9, 0.1, 0.5]);
        Assert.Equal(1e-1, config.LearningRate, 12);
        Assert.Equal(128, config.BatchSize);          // level 3 of 16, 32, 64, 128, 256, 512
        Assert.Equal(1, (config.Epochs - 1) % 3 + 1); // 1 + 3k
        Assert.Equal(1, config.Trees);
        Assert.Equal(0.25f, config.Dropout);
        Assert.Equal(Optimizer.AdamW, config.Optimizer);
        Assert.Equal("gelu", config.Activation);
        Assert.False(config.UseBias);
        Assert.Equal(0.99, config.Beta2);
    }

    [Fact]
    public void Float_properties_round_trip_on_their_step_grid()
    {
        var config = Space.Default with { Dropout = 0.3f };
        Assert.Empty(Space.Validate(config));
        Assert.Equal(0.3, Space.Encode(config)[4], 12);
    }

    [Fact]
    public void Validation_names_the_property_the_value_and_the_rule()
    {
        var bad = Space.Default with
        {
            LearningRate = 5,
            BatchSize = 100,
            Epochs = 2,
            Trees = 0,
            Dropout = 0.12f,
            Activation = "tanh",
            Beta2 = double.NaN,
        };

        Assert.Equal(
            [
                "LearningRate = 5 is outside [1E-05, 0.1].",
                "BatchSize = 100 is not a power of two.",
                "Epochs = 2 is off the step grid 1 + k * 3.",
                "Trees = 0 is outside [1, 1000].",
                $"Dropout = {((double)0.12f).ToString("R", CultureInfo.InvariantCulture)} is off the step grid 0 + k * 0.05.",
                "Activation = \"tanh\" is not one of [\"relu\", \"gelu\"].",
                "Beta2 = NaN is not one of [0.9, 0.99, 0.999].",
            ],
            Space.Validate(bad).Select(e => e.Message));
        Assert.Throws<ArgumentException>(() => Space.Encode(bad));
    }

    [Fact]
    public void Infinity_is_reported_as_not_finite()
    {
        var error = Assert.Single(Space.Validate(Space.Default with { LearningRate = double.PositiveInfinity }));
        Assert.Equal(("LearningRate", "is not a finite number"), (error.Path, error.Rule));
    }

    [Fact]
    public void Decode_rejects_points_outside_the_space()
    {
        var point = Space.DefaultPoint;
        point[1] = 100;
        var error = Assert.Throws<ArgumentException>(() => Space.Decode(point));
        Assert.Contains("BatchSize = 100 is not a power of two", error.Message);
        Assert.Throws<ArgumentException>(() => Space.Decode([1, 2]));
    }

    [Fact]
    public void Conditions_and_nesting_flatten_with_dotted_names()
    {
        var space = Network.SearchSpace;
        Assert.Equal(["Optimizer", "Momentum", "Schedule.Kind", "Schedule.WarmupSteps", "Layers"], space.Dimensions.Select(d => d.Name));
        Assert.Equal(new DimensionCondition("Optimizer", [0]), space.Dimensions[1].Condition);
        Assert.Equal(new DimensionCondition("Optimizer", [1]), space.Dimensions[2].Condition);
        Assert.Equal(new DimensionCondition("Schedule.Kind", [1]), space.Dimensions[3].Condition);
        Assert.Equal("cosine", space.Dimensions[2].Default); // From the parent's initializer, not Schedule's own.
        Assert.Equal(200L, space.Dimensions[3].Default);
    }

    [Fact]
    public void Inactive_dimensions_are_not_encoded_and_decode_to_defaults()
    {
        var space = Network.SearchSpace;
        var sgd = new Network { Optimizer = "sgd", Momentum = 0.5, Schedule = new Schedule { Kind = "constant", WarmupSteps = 12345 } };

        var point = space.Encode(sgd); // The inactive schedule is neither encoded nor validated.
        Assert.Equal(0.5, point[1]);
        Assert.True(double.IsNaN(point[2]) && double.IsNaN(point[3]));
        Assert.Empty(space.Validate(sgd));

        var decoded = space.Decode(point);
        Assert.Equal(("sgd", 0.5), (decoded.Optimizer, decoded.Momentum));
        Assert.Equal(new Schedule { Kind = "cosine", WarmupSteps = 200 }, decoded.Schedule);
    }

    [Fact]
    public void Nested_values_decode_into_the_nested_record()
    {
        var space = Network.SearchSpace;
        var decoded = space.Decode([1, 0.3, 1, 700, 5]);
        Assert.Equal("adam", decoded.Optimizer);
        Assert.Equal(0.9, decoded.Momentum); // Inactive under adam: the default, whatever the point said.
        Assert.Equal(new Schedule { Kind = "cosine", WarmupSteps = 700 }, decoded.Schedule);
        Assert.Equal(5, decoded.Layers);
    }

    [Fact]
    public void Nested_validation_uses_dotted_paths_and_tolerates_a_missing_nested_object()
    {
        var space = Network.SearchSpace;
        var error = Assert.Single(space.Validate(new Network { Optimizer = "adam", Schedule = new Schedule { Kind = "cosine", WarmupSteps = 150 } }));
        Assert.Equal("Schedule.WarmupSteps = 150 is off the step grid 0 + k * 100.", error.Message);

        var missing = space.Validate(new Network { Optimizer = "adam", Schedule = null! });
        Assert.Equal("Schedule.Kind = null is not one of [\"constant\", \"cosine\"].", Assert.Single(missing).Message);
    }

    [Fact]
    public void Random_conditional_points_round_trip()
    {
        var space = Network.SearchSpace;
        var random = new Random(11);
        for (var n = 0; n < 300; n++)
        {
            var point = space.FromUnit(space.Dimensions.Select(_ => random.NextDouble()).ToArray());
            var config = space.Decode(point);
            Assert.Empty(space.Validate(config));
            Assert.Equal(point, space.Encode(config));
            Assert.Equal(point[0] == 0, !double.IsNaN(point[1]));
        }
    }
}
