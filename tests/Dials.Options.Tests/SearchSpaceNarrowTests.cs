namespace Dials.Options.Tests;

/// <summary>SearchSpace&lt;T&gt;.Narrow: the narrowed space decodes through the original one.</summary>
public sealed class SearchSpaceNarrowTests
{
    private static readonly SearchSpace<TrainingOptions> Space = TrainingOptions.SearchSpace;

    [Fact]
    public void A_narrowed_range_keeps_the_kind_and_scale_and_decodes_as_before()
    {
        var narrowed = Space.Narrow("LearningRate", low: 1e-4, high: 1e-2);
        var dimension = narrowed.Dimensions[narrowed.IndexOf("LearningRate")];
        Assert.Equal((1e-4, 1e-2, true), (dimension.Low, dimension.High, dimension.Log));
        var point = narrowed.DefaultPoint;
        point[narrowed.IndexOf("LearningRate")] = 0.005;
        Assert.Equal(0.005, narrowed.Decode(point).LearningRate);
    }

    [Fact]
    public void A_choice_subset_renumbers_choices_and_the_conditions_on_them()
    {
        var narrowed = Space.Narrow("Optimizer", choices: [Optimizer.Sgd]);
        var point = narrowed.DefaultPoint;
        Assert.Equal(0, point[narrowed.IndexOf("Optimizer")]);
        // Momentum was inactive at the default (AdamW); the narrowing activates it at its own default, not its low end.
        Assert.Equal(Space.Default.Momentum, point[narrowed.IndexOf("Momentum")]);
        var config = narrowed.Decode(point);
        Assert.Equal(Optimizer.Sgd, config.Optimizer);
        Assert.Equal(point, narrowed.Encode(config));
    }

    [Fact]
    public void A_fixed_dimension_has_one_value_and_decodes_to_it()
    {
        var narrowed = Space.Narrow("BatchSize", fixedValue: 256L);
        var dimension = narrowed.Dimensions[narrowed.IndexOf("BatchSize")];
        Assert.Equal(1, dimension.Count);
        var unit = Enumerable.Repeat(0.9, narrowed.Dimensions.Count).ToArray();
        Assert.Equal(256, narrowed.DecodeUnit(unit).BatchSize);
        Assert.Equal(256, narrowed.Decode(narrowed.DefaultPoint).BatchSize);
    }

    [Theory]
    [InlineData("LearningRate", 0.5, null, "0.5 is outside [1E-05, 0.1].")]
    [InlineData("Optimizer", 0.0, null, "'Optimizer' is categorical: narrow it with a subset of its choices, not Low/High.")]
    public void Bad_narrowings_are_refused_with_the_rule(string name, double? low, double? high, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Space.Narrow(name, low, high));
        Assert.Equal(message, error.Message);
    }
}
