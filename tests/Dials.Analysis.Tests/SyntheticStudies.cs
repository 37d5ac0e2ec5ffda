namespace Dials.Analysis.Tests;

/// <summary>Studies with known structure: random points of a hand-built space scored by a known function.</summary>
internal static class SyntheticStudies
{
    /// <summary>A space of the given dimensions whose configuration is the point itself.</summary>
    public static SearchSpace<double[]> Space(params Dimension[] dimensions) => new(
        dimensions,
        createDefault: () => [.. dimensions.Select(d => d.DefaultValue)],
        read: (config, i) => config[i],
        decode: (point, _) => point.ToArray());

    /// <summary>A minimising study of <paramref name="count"/> uniformly random points of <paramref name="space"/>
    /// (inactive dimensions NaN), each scored by <paramref name="objective"/>.</summary>
    public static StudySnapshot Random(SearchSpace space, int count, Func<double[], double> objective, int seed = 7,
        Direction direction = Direction.Minimize, string name = "synthetic")
    {
        var random = new Random(seed);
        var unit = new double[space.Dimensions.Count];
        var trials = new List<TrialRecord>(count);
        for (var n = 0; n < count; n++)
        {
            for (var d = 0; d < unit.Length; d++)
            {
                unit[d] = random.NextDouble();
            }

            var point = space.FromUnit(unit);
            trials.Add(Complete(n, point, objective(point)));
        }

        return new StudySnapshot(name, direction, space, trials);
    }

    /// <summary>A complete trial.</summary>
    public static TrialRecord Complete(int number, double[] point, double value) =>
        new(number, TrialState.Complete, point, value, [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1));

    /// <summary>A failed trial.</summary>
    public static TrialRecord Failed(int number, double[] point) =>
        new(number, TrialState.Failed, point, null, [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), "boom");

    /// <summary>The importance of the dimension named <paramref name="name"/>.</summary>
    public static double Of(this ImportanceResult result, string name) => result.Dimensions.Single(d => d.Name == name).Importance;
}
