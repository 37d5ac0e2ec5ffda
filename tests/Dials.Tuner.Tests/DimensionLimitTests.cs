namespace Dials.Tuner.Tests;

/// <summary>The runtime refuses the spaces the generator refuses (DIALS020, DIALS021) with the same rule, so a space
/// built by hand fails with a message instead of an OverflowException, and the generator's limit is exactly this one.</summary>
public sealed class DimensionLimitTests
{
    [Theory]
    [InlineData(int.MinValue, int.MaxValue, 1, "takes 4294967296 values")]
    [InlineData(long.MinValue, long.MaxValue, 1, "values from -9.223372036854776E+18")]
    [InlineData(0, 4000000000L, 1, "takes 4000000001 values")]
    public void Ints_with_more_values_than_an_int_counts_are_refused(long low, long high, long step, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Dimension.Int("X", low, high, step));

        Assert.Contains(expected, error.Message);
        Assert.Contains("more than the 2147483647 a dimension can hold", error.Message);
    }

    [Fact]
    public void A_long_log_range_is_counted_too() =>
        Assert.Contains("takes 4000000000 values", Assert.Throws<ArgumentException>(() => Dimension.Int("X", 1, 4000000000L, log: true)).Message);

    [Fact]
    public void A_float_step_giving_too_many_values_is_refused() =>
        Assert.Contains("takes 1000000000001 values from 0 to 1 by 1E-12",
            Assert.Throws<ArgumentException>(() => Dimension.Float("X", 0, 1, step: 1e-12)).Message);

    [Fact]
    public void The_largest_allowed_dimension_counts_its_values()
    {
        var widest = Dimension.Int("X", 0, int.MaxValue - 1);

        Assert.Equal(int.MaxValue, widest.Count);
        Assert.Equal(int.MaxValue - 1, widest.FromUnit(1));
    }

    [Fact]
    public void A_long_range_stepped_to_few_values_works()
    {
        var coarse = Dimension.Int("X", long.MinValue + 1, long.MaxValue, step: long.MaxValue);

        Assert.Equal(3, coarse.Count);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Choices_that_are_not_finite_numbers_are_refused(double choice) =>
        Assert.Contains("not a finite number", Assert.Throws<ArgumentException>(() => Dimension.Categorical("X", [1.0, choice])).Message);

    [Fact]
    public void A_float_nan_choice_is_refused_as_well() =>
        Assert.Throws<ArgumentException>(() => Dimension.Categorical("X", [1f, float.NaN]));
}
