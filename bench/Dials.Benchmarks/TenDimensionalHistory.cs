namespace Dials.Benchmarks;

/// <summary>A 10-dimensional continuous space (the Optuna comparison script suggests ten floats in [0, 1]) and
/// a history of complete trials on a shifted sphere, so that model-based samplers face realistic rankings.</summary>
internal static class TenDimensionalHistory
{
    public const int Dimensions = 10;

    public static SearchSpace<double[]> Space { get; } = new(
        [.. Enumerable.Range(0, Dimensions).Select(i => Dimension.Float($"x{i}", 0, 1))],
        createDefault: () => new double[Dimensions],
        read: (config, i) => config[i],
        decode: (point, _) => point.ToArray());

    public static double Objective(IReadOnlyList<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            sum += (x[i] - 0.3) * (x[i] - 0.3);
        }

        return sum;
    }

    /// <summary><paramref name="count"/> complete trials at uniformly random points (fixed seed).</summary>
    public static List<TrialRecord> Trials(int count)
    {
        var random = new Random(12345);
        var trials = new List<TrialRecord>(count + 1);
        for (var n = 0; n < count; n++)
        {
            var point = new double[Dimensions];
            for (var i = 0; i < Dimensions; i++)
            {
                point[i] = random.NextDouble();
            }

            trials.Add(Record(n, point));
        }

        return trials;
    }

    public static TrialRecord Record(int number, double[] point) =>
        new(number, TrialState.Complete, point, Objective(point), [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1));
}
