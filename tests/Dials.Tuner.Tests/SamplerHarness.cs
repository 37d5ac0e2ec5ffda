using Dials.Samplers;

namespace Dials.Tuner.Tests;

/// <summary>Drives a sampler directly, as a sequential study would, without running an objective.</summary>
internal static class SamplerHarness
{
    /// <summary>The first <paramref name="count"/> points, each recorded as a complete trial before the next is asked.</summary>
    public static List<double[]> Points(ISampler sampler, SearchSpace space, int count)
    {
        var trials = new List<TrialRecord>(count);
        var points = new List<double[]>(count);
        for (var n = 0; n < count; n++)
        {
            var point = sampler.Sample(new SamplingContext(space, Direction.Minimize, trials, n));
            points.Add(point);
            trials.Add(new TrialRecord(n, TrialState.Complete, point, 0, [], DateTimeOffset.UnixEpoch, TimeSpan.Zero));
        }

        return points;
    }

    /// <summary>A space of one dimension, for distribution checks.</summary>
    public static SearchSpace<double[]> Single(Dimension dimension) => Of(dimension);

    /// <summary>A space over raw points (the configuration is the point itself).</summary>
    public static SearchSpace<double[]> Of(params Dimension[] dimensions) => new(
        dimensions,
        () => [.. dimensions.Select(d => d.DefaultValue)],
        (config, i) => dimensions[i].ToValue(config[i]),
        (point, _) => point.ToArray());

    /// <summary>A space of <paramref name="count"/> continuous dimensions over [0, 1].</summary>
    public static SearchSpace<double[]> UnitCube(int count) =>
        Of([.. Enumerable.Range(0, count).Select(i => Dimension.Float($"x{i}", 0, 1))]);
}
