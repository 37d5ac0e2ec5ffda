using Dials.Practice;

namespace Dials.Tuner.Tests;

public sealed class LearningRateRangeTestTests
{
    private static readonly LearningRateRangeOptions Wide = new() { MinRate = 1e-5, MaxRate = 100, Steps = 100 };

    [Theory]
    [InlineData(0.5, 100, 5)]
    [InlineData(4, 100, 5)]
    [InlineData(40, 100, 5)]
    [InlineData(4, 400, 2)]
    public async Task Stops_near_the_divergence_rate_and_suggests_a_rate_that_trains(double curvature, int steps, double lateBy)
    {
        var model = new NoisyQuadratic(curvature, start: 10, seed: 1);
        var options = new LearningRateRangeOptions { MinRate = 1e-5, MaxRate = 100, Steps = steps };

        var result = await LearningRateRangeTest.RunAsync(model.TrainStep, options);

        // The loss can only blow up past 2 / curvature. The heavily smoothed loss notices a few steps late, so the
        // test stops within a factor of the true rate, the closer the finer its grid of rates (100 steps over seven
        // decades: each step is 18% above the last).
        Assert.NotNull(result.DivergenceRate);
        Assert.InRange(result.DivergenceRate!.Value, model.DivergenceRate, lateBy * model.DivergenceRate);
        Assert.InRange(result.MinimumLossRate, 0, result.DivergenceRate.Value);
        Assert.True(result.SuggestedRate < model.DivergenceRate,
            $"suggested {result.SuggestedRate} is not below the divergence rate {model.DivergenceRate}");
        Assert.True(result.SuggestedRate <= result.SteepestRate && result.SuggestedRate <= result.MinimumLossRate / 10);

        // Training a fresh model at the suggestion gets close to the optimum.
        var fresh = new NoisyQuadratic(curvature, start: 10, seed: 2);
        var initialLoss = fresh.TrueLoss;
        for (var step = 0; step < 200; step++)
        {
            await fresh.TrainStep(result.SuggestedRate, CancellationToken.None);
        }

        Assert.True(fresh.TrueLoss < initialLoss / 100, $"loss {fresh.TrueLoss} from {initialLoss} at rate {result.SuggestedRate}");
    }

    [Fact]
    public async Task Rates_grow_geometrically_from_the_first_to_the_last_and_a_steady_loss_never_diverges()
    {
        var rates = new List<double>();
        var options = new LearningRateRangeOptions { MinRate = 1e-3, MaxRate = 10, Steps = 12 };

        var result = await LearningRateRangeTest.RunAsync((rate, _) =>
        {
            rates.Add(rate);
            return ValueTask.FromResult(2.5);
        }, options);

        Assert.Equal(12, rates.Count);
        Assert.Equal(rates, result.Points.Select(p => p.Rate));
        Assert.Equal(1e-3, rates[0]);
        Assert.Equal(10, rates[^1]);
        var ratio = Math.Pow(1e4, 1.0 / 11);
        for (var i = 1; i < rates.Count; i++)
        {
            Assert.Equal(ratio, rates[i] / rates[i - 1], 1e-9);
        }

        // Bias correction makes the average of a constant that constant from the very first step.
        Assert.All(result.Points, p => Assert.Equal(2.5, p.SmoothedLoss, 1e-12));
        Assert.Null(result.DivergenceRate);
    }

    [Fact]
    public async Task Smoothed_loss_is_the_bias_corrected_moving_average()
    {
        var losses = new[] { 4.0, 2.0, 1.0, 3.0, 5.0, 1.0, 2.0, 2.0, 1.0, 1.0 };
        var step = 0;
        var options = new LearningRateRangeOptions { MinRate = 1, MaxRate = 2, Steps = 10, Smoothing = 0.5, DivergenceFactor = 100 };

        var result = await LearningRateRangeTest.RunAsync((_, _) => ValueTask.FromResult(losses[step++]), options);

        // After two steps: (0.5 * 0.5 * 4 + 0.5 * 2) / (1 - 0.25) = 2 / 0.75.
        Assert.Equal(4.0, result.Points[0].SmoothedLoss, 1e-12);
        Assert.Equal(2 / 0.75, result.Points[1].SmoothedLoss, 1e-12);
        Assert.Equal(losses, result.Points.Select(p => p.Loss));
    }

    [Fact]
    public async Task Without_smoothing_the_test_stops_at_the_first_loss_beyond_the_divergence_factor()
    {
        var options = new LearningRateRangeOptions { MinRate = 1e-4, MaxRate = 1, Steps = 20, Smoothing = 0, DivergenceFactor = 4 };

        var result = await LearningRateRangeTest.RunAsync(
            (rate, _) => ValueTask.FromResult(rate < 0.01 ? 1.0 / (1 + rate) : 4.5), options);

        Assert.Equal(4.5, result.Points[^1].Loss);
        Assert.Equal(result.Points[^1].Rate, result.DivergenceRate);
        Assert.True(result.DivergenceRate > 0.01);
        Assert.All(result.Points, p => Assert.Equal(p.Loss, p.SmoothedLoss));
    }

    [Fact]
    public async Task A_loss_that_is_not_finite_ends_the_test_at_its_rate()
    {
        var calls = 0;

        var result = await LearningRateRangeTest.RunAsync((rate, _) =>
        {
            calls++;
            return ValueTask.FromResult(rate > 1e-3 ? double.NaN : 1.0);
        }, Wide);

        Assert.Equal(result.Points.Count + 1, calls);
        Assert.All(result.Points, p => Assert.True(p.Rate <= 1e-3));
        Assert.True(result.DivergenceRate > 1e-3);
    }

    [Fact]
    public async Task A_first_loss_that_is_not_finite_is_an_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => LearningRateRangeTest.RunAsync((_, _) => ValueTask.FromResult(double.PositiveInfinity), Wide));

        Assert.Contains("first step", error.Message);
    }

    [Fact]
    public async Task Cancellation_stops_between_steps()
    {
        using var cancellation = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LearningRateRangeTest.RunAsync((_, _) =>
        {
            if (++calls == 5)
            {
                cancellation.Cancel();
            }

            return ValueTask.FromResult(1.0);
        }, Wide, cancellation.Token));

        Assert.Equal(5, calls);
    }

    [Theory]
    [InlineData(nameof(LearningRateRangeOptions.MinRate), 0.0)]
    [InlineData(nameof(LearningRateRangeOptions.MinRate), double.NaN)]
    [InlineData(nameof(LearningRateRangeOptions.MaxRate), 1e-7)]
    [InlineData(nameof(LearningRateRangeOptions.MaxRate), double.PositiveInfinity)]
    [InlineData(nameof(LearningRateRangeOptions.Steps), 9.0)]
    [InlineData(nameof(LearningRateRangeOptions.Smoothing), 1.0)]
    [InlineData(nameof(LearningRateRangeOptions.Smoothing), -0.1)]
    [InlineData(nameof(LearningRateRangeOptions.DivergenceFactor), 1.0)]
    public async Task Options_out_of_range_are_named(string property, double value)
    {
        var options = property switch
        {
            nameof(LearningRateRangeOptions.MinRate) => new LearningRateRangeOptions { MinRate = value },
            nameof(LearningRateRangeOptions.MaxRate) => new LearningRateRangeOptions { MaxRate = value },
            nameof(LearningRateRangeOptions.Steps) => new LearningRateRangeOptions { Steps = (int)value },
            nameof(LearningRateRangeOptions.Smoothing) => new LearningRateRangeOptions { Smoothing = value },
            _ => new LearningRateRangeOptions { DivergenceFactor = value },
        };
        var calls = 0;

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LearningRateRangeTest.RunAsync((_, _) =>
        {
            calls++;
            return ValueTask.FromResult(1.0);
        }, options));

        Assert.Equal(property, error.ParamName);
        Assert.Contains($"LearningRateRangeOptions.{property}", error.Message);
        Assert.Equal(0, calls);
    }
}
