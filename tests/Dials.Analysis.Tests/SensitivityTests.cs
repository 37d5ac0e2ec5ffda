using Dials.Generated;

namespace Dials.Analysis.Tests;

/// <summary>A typed configuration for the typed sweep.</summary>
public sealed record Knobs(double Rate, long Layers, string Activation);

public sealed class SensitivityTests
{
    // Typed as the untyped space so the calls below take the point overload.
    private static readonly SearchSpace FlatSharpSteps = SyntheticStudies.Space(
        Dimension.Float("flat", 0, 1), Dimension.Float("sharp", 0, 1), Dimension.Int("steps", 1, 4));

    /// <summary>Hardly moved by "flat", a narrow valley at sharp = 0.7, a kink at steps = 2; 1 at the optimum.</summary>
    private static double Valley(double[] p) =>
        1 + 0.001 * (p[0] - 0.5) * (p[0] - 0.5) + 10 * (p[1] - 0.7) * (p[1] - 0.7) + 0.5 * Math.Abs(p[2] - 2);

    [Fact]
    public void The_surrogate_sweep_finds_a_flat_dial_safe_and_a_sharp_one_narrow_around_the_optimum()
    {
        var space = SyntheticStudies.Space(Dimension.Float("flat", 0, 1), Dimension.Float("sharp", 0, 1));
        var study = SyntheticStudies.Random(space, 300, p => 1 + 0.001 * p[0] + 20 * (p[1] - 0.6) * (p[1] - 0.6));

        var result = Sensitivity.FromSurrogate(study, new() { Tolerance = 0.2 });

        Assert.Equal(SensitivitySource.Surrogate, result.Source);
        Assert.Equal(["flat", "sharp"], result.Sweeps.Select(s => s.Name));
        var flat = result.Sweeps[0];
        var sharp = result.Sweeps[1];
        Assert.Equal(study.Best!.Point[1], sharp.Center);
        Assert.True(flat.SafeFraction > 0.9, $"flat: {flat.SafeFraction}");
        Assert.Equal((0, 1), (flat.SafeLow, flat.SafeHigh));
        Assert.True(sharp.SafeFraction < 0.3, $"sharp: {sharp.SafeFraction}");
        Assert.InRange(0.6, sharp.SafeLow, sharp.SafeHigh);
        Assert.True(sharp.SafeHigh - sharp.SafeLow < 0.3, $"sharp: [{sharp.SafeLow}, {sharp.SafeHigh}]");
        Assert.Equal(result.CenterScore * 1.2, result.Threshold, 12);
    }

    [Fact]
    public async Task Measuring_runs_the_objective_once_at_the_centre_and_once_per_other_point()
    {
        var calls = 0;
        ValueTask<double> Objective(double[] point, CancellationToken _)
        {
            calls++;
            return ValueTask.FromResult(Valley(point));
        }

        var result = await Sensitivity.MeasureAsync(FlatSharpSteps, [0.5, 0.7, 2], Direction.Minimize, Objective);

        // flat: 15 even points, 0.5 among them; sharp: 15 points plus the centre 0.7; steps: all 4 values, 2 among them.
        Assert.Equal([15, 16, 4], result.Sweeps.Select(s => s.Points.Count));
        Assert.Equal(1 + 14 + 15 + 3, calls);
        Assert.Equal(SensitivitySource.Objective, result.Source);
        Assert.Equal(1, result.CenterScore);
        Assert.Equal(1.01, result.Threshold, 12);

        var (flat, sharp, steps) = (result.Sweeps[0], result.Sweeps[1], result.Sweeps[2]);
        Assert.Equal(1, flat.SafeFraction);
        Assert.Equal((0, 1), (flat.SafeLow, flat.SafeHigh));
        Assert.Equal(0.7, sharp.SafeLow);
        Assert.Equal(10.0 / 14, sharp.SafeHigh, 12); // the grid point 0.714 is within 1%; 0.643 is not
        Assert.Equal(2.0 / 16, sharp.SafeFraction);
        Assert.Equal((2, 2, 0.25), (steps.SafeLow, steps.SafeHigh, steps.SafeFraction));
        Assert.Equal(["1", "2", "3", "4"], steps.Points.Select(p => p.Label));
        Assert.Equal(steps.Points.Select(p => p.Value).Order(), steps.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task A_maximised_score_with_an_absolute_tolerance_counts_points_down_to_the_centre_minus_it()
    {
        var result = await Sensitivity.MeasureAsync(FlatSharpSteps, [0.5, 0.7, 2], Direction.Maximize,
            (p, _) => ValueTask.FromResult(-Valley(p)), new() { Tolerance = 0.6, Absolute = true });

        Assert.Equal(-1.6, result.Threshold, 12);
        var steps = result.Sweeps[2];
        Assert.Equal([true, true, true, false], steps.Points.Select(p => p.Tolerated)); // 1 and 3 cost 0.5, 4 costs 1
        Assert.Equal((1, 3), (steps.SafeLow, steps.SafeHigh));
    }

    [Fact]
    public async Task A_centre_scoring_zero_takes_its_relative_tolerance_from_the_range_of_the_scores()
    {
        SearchSpace space = SyntheticStudies.Space(Dimension.Float("x", 0, 10));

        var result = await Sensitivity.MeasureAsync(space, [0], Direction.Minimize, (p, _) => ValueTask.FromResult(p[0]),
            new() { Points = 11, Tolerance = 0.1 });

        Assert.Equal(0, result.CenterScore);
        Assert.Equal(1, result.Threshold, 12); // 10% of the range 0..10
        Assert.Equal((0, 1), (result.Sweeps[0].SafeLow, result.Sweeps[0].SafeHigh));
    }

    [Fact]
    public async Task A_swept_parent_gives_the_children_it_switches_on_their_default_and_inactive_children_are_not_swept()
    {
        SearchSpace space = SyntheticStudies.Space(
            Dimension.Categorical("optimizer", ["sgd", "adam"]),
            Dimension.Float("momentum", 0, 1, condition: new DimensionCondition("optimizer", [0])).WithDefault(0.9),
            Dimension.Float("beta", 0, 1, condition: new DimensionCondition("optimizer", [1])).WithDefault(0.25));
        var seen = new List<double[]>();

        var result = await Sensitivity.MeasureAsync(space, [0, 0.5, double.NaN], Direction.Minimize, (p, _) =>
        {
            seen.Add(p);
            return ValueTask.FromResult(p[0] == 0 ? p[1] : p[2]);
        }, new() { Points = 3 });

        Assert.Equal(["optimizer", "momentum"], result.Sweeps.Select(s => s.Name));
        var adam = Assert.Single(seen, p => p[0] == 1);
        Assert.True(double.IsNaN(adam[1]));
        Assert.Equal(0.25, adam[2]);
        Assert.Equal(["\"sgd\"", "\"adam\""], result.Sweeps[0].Points.Select(p => p.Label));
        Assert.All(seen.Where(p => p[0] == 0), p => Assert.True(double.IsNaN(p[2])));
    }

    [Fact]
    public async Task The_typed_overload_sweeps_configurations_and_labels_choices()
    {
        var space = new SearchSpace<Knobs>(
            [Dimension.Float("Rate", 1e-4, 1, log: true), Dimension.Int("Layers", 1, 3), Dimension.Categorical("Activation", ["relu", "tanh"])],
            () => new Knobs(1e-2, 2, "relu"),
            (config, i) => i switch { 0 => config.Rate, 1 => config.Layers, _ => config.Activation },
            (point, d) => new Knobs(DecodeHelpers.Double(point[0], d.Rate), DecodeHelpers.Int64(point[1], d.Layers),
                DecodeHelpers.Choice(point[2], ["relu", "tanh"], d.Activation)));
        var seen = new List<Knobs>();

        var result = await Sensitivity.MeasureAsync(space, new Knobs(1e-2, 2, "relu"), Direction.Minimize, (k, _) =>
        {
            seen.Add(k);
            return ValueTask.FromResult(Math.Abs(Math.Log10(k.Rate) + 2) + (k.Activation == "tanh" ? 1 : 0));
        }, new() { Points = 5 });

        Assert.Equal(new Knobs(1e-2, 2, "relu"), seen[0]);
        Assert.Equal([1e-4, 1e-3, 1e-2, 1e-1, 1], result.Sweeps[0].Points.Select(p => Math.Round(p.Value, 12)));
        Assert.Equal((1e-2, 1e-2), (Math.Round(result.Sweeps[0].SafeLow, 12), Math.Round(result.Sweeps[0].SafeHigh, 12)));
        Assert.Equal(1, result.Sweeps[1].SafeFraction); // layers does nothing
        Assert.Equal(["\"relu\"", "\"tanh\""], result.Sweeps[2].Points.Select(p => p.Label));
        Assert.Contains(seen, k => k is { Activation: "tanh", Rate: 1e-2, Layers: 2 });
        Assert.Equal(1 + 4 + 2 + 1, seen.Count);
    }

    [Fact]
    public async Task Cancelling_stops_between_objective_runs()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sensitivity.MeasureAsync(FlatSharpSteps, [0.5, 0.7, 2],
            Direction.Minimize, (p, _) =>
            {
                if (++calls == 5)
                {
                    cancel.Cancel();
                }

                return ValueTask.FromResult(Valley(p));
            }, cancellationToken: cancel.Token));

        Assert.Equal(5, calls);
    }

    [Fact]
    public async Task Bad_input_is_named()
    {
        ValueTask<double> Objective(double[] p, CancellationToken _) => ValueTask.FromResult(Valley(p));

        var points = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Sensitivity.MeasureAsync(FlatSharpSteps, [0.5, 0.7, 2], Direction.Minimize, Objective, new() { Points = 1 }));
        Assert.Contains("SensitivityOptions.Points", points.Message, StringComparison.Ordinal);

        var tolerance = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Sensitivity.MeasureAsync(FlatSharpSteps, [0.5, 0.7, 2], Direction.Minimize, Objective, new() { Tolerance = -1 }));
        Assert.Contains("SensitivityOptions.Tolerance", tolerance.Message, StringComparison.Ordinal);

        var length = await Assert.ThrowsAsync<ArgumentException>(() =>
            Sensitivity.MeasureAsync(FlatSharpSteps, [0.5, 0.7], Direction.Minimize, Objective));
        Assert.Equal("center", length.ParamName);

        var value = await Assert.ThrowsAsync<ArgumentException>(() =>
            Sensitivity.MeasureAsync(FlatSharpSteps, [0.5, 0.7, 9], Direction.Minimize, Objective));
        Assert.Contains("steps", value.Message, StringComparison.Ordinal);

        var study = new StudySnapshot("empty", Direction.Minimize, FlatSharpSteps, []);
        var none = Assert.Throws<InvalidOperationException>(() => Sensitivity.FromSurrogate(study));
        Assert.Contains("'empty' has 0 complete trial(s)", none.Message, StringComparison.Ordinal);
    }
}
