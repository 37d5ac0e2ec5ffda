using Dials.Practice;

namespace Dials.Tuner.Tests;

public sealed class BatchSizeScalingTests
{
    [Theory]
    [InlineData(0.1, 256, 1024, ScalingRule.Linear, 0.4)]
    [InlineData(0.4, 1024, 256, ScalingRule.Linear, 0.1)]
    [InlineData(0.003, 32, 32, ScalingRule.Linear, 0.003)]
    [InlineData(1e-3, 64, 256, ScalingRule.SquareRoot, 2e-3)]
    [InlineData(2e-3, 256, 64, ScalingRule.SquareRoot, 1e-3)]
    [InlineData(1e-3, 100, 200, ScalingRule.SquareRoot, 1.4142135623730951e-3)]
    public void Scales_the_rate_by_the_rule(double rate, int from, int to, ScalingRule rule, double expected) =>
        Assert.Equal(expected, BatchSizeScaling.ScaleLearningRate(rate, from, to, rule), 1e-15);

    [Theory]
    [InlineData(0.0, 32, 64, "rate")]
    [InlineData(-0.1, 32, 64, "rate")]
    [InlineData(double.NaN, 32, 64, "rate")]
    [InlineData(double.PositiveInfinity, 32, 64, "rate")]
    [InlineData(0.1, 0, 64, "fromBatch")]
    [InlineData(0.1, -32, 64, "fromBatch")]
    [InlineData(0.1, 32, 0, "toBatch")]
    public void Bad_input_is_named(double rate, int from, int to, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => BatchSizeScaling.ScaleLearningRate(rate, from, to, ScalingRule.Linear));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void An_unknown_rule_is_named() =>
        Assert.Equal("rule", Assert.Throws<ArgumentOutOfRangeException>(
            () => BatchSizeScaling.ScaleLearningRate(0.1, 32, 64, (ScalingRule)7)).ParamName);
}
