using Dials.Simulation;

namespace Dials.Samplers.Tests;

/// <summary>The one set of spaces, loops and trial records the sampler tests share. Spaces of plain points come from
/// <see cref="TestFunction.PointSpace"/>; spaces of records from <see cref="Dials.Testing.TestSpaces"/>.</summary>
internal static class SamplerHarness
{
    /// <summary>A space of <paramref name="count"/> continuous dimensions over [0, 1].</summary>
    public static SearchSpace<double[]> UnitCube(int count) =>
        TestFunction.PointSpace([.. Enumerable.Range(0, count).Select(i => Dimension.Float($"x{i}", 0, 1))]);

    /// <summary>Every kind of dimension: linear, log and stepped floats, plain, stepped and log integers, powers of
    /// two, a categorical, and dimensions conditional on it, one of them two levels deep.</summary>
    public static SearchSpace<double[]> EveryKind { get; } = TestFunction.PointSpace(
    [
        Dimension.Float("linear", -2, 3),
        Dimension.Float("log", 1e-5, 1e-1, log: true),
        Dimension.Float("stepped", 0, 1, step: 0.25),
        Dimension.Int("int", -3, 7),
        Dimension.Int("int_step", 0, 100, step: 20),
        Dimension.Int("int_log", 1, 1000, log: true),
        Dimension.PowerOfTwo("pow2", 8, 512),
        Dimension.Categorical("kind", ["a", "b", "c"]),
        Dimension.Float("when_b", 0, 1, condition: new DimensionCondition("kind", [1])),
        Dimension.Categorical("mode", ["x", "y"], condition: new DimensionCondition("kind", [1])),
        Dimension.Int("when_y", 1, 5, condition: new DimensionCondition("mode", [1])),
        Dimension.Categorical("when_c", [true, false], condition: new DimensionCondition("kind", [2])),
    ]);

    /// <summary>A smooth objective over <see cref="EveryKind"/> with its optimum inside the space.</summary>
    public static double EveryKindObjective(double[] x)
    {
        var value = Square(x[0] - 1) + Square(Math.Log10(x[1]) + 3) + Square(x[2] - 0.5) + 0.1 * Square(x[3] - 2)
            + Square((x[4] - 60) / 20) + Square(Math.Log10(x[5]) - 1) + Square(Math.Log2(x[6]) - 6) + (x[7] == 1 ? 0 : 1);
        return value + (double.IsNaN(x[8]) ? 0 : Square(x[8] - 0.3));
    }

    /// <summary>Drives a sampler directly, as a sequential study would, without running an objective: the first
    /// <paramref name="count"/> points, each recorded as a complete trial (value 0) before the next is asked.</summary>
    public static List<double[]> Points(ISampler sampler, SearchSpace space, int count)
    {
        var trials = new List<TrialRecord>(count);
        var points = new List<double[]>(count);
        for (var n = 0; n < count; n++)
        {
            var point = sampler.Sample(new SamplingContext(space, Direction.Minimize, trials, n));
            points.Add(point);
            trials.Add(Complete(n, point, 0));
        }

        return points;
    }

    /// <summary>Runs a sequential study through <see cref="Study"/> and returns its trials.</summary>
    public static IReadOnlyList<TrialRecord> Run(SearchSpace<double[]> space, ISampler sampler, Func<double[], double> objective,
        int trials, Direction direction = Direction.Minimize)
    {
        var study = Study.Create(space, new StudyOptions { Sampler = sampler, Direction = direction });
        for (var n = 0; n < trials; n++)
        {
            var trial = study.Ask();
            study.Tell(trial, objective(trial.Config));
        }

        return study.Storage.ReadTrials(study.Name);
    }

    /// <summary>The best value among complete trials.</summary>
    public static double Best(IReadOnlyList<TrialRecord> trials, Direction direction = Direction.Minimize) =>
        direction == Direction.Minimize
            ? trials.Where(t => t.State == TrialState.Complete).Min(t => t.Value!.Value)
            : trials.Where(t => t.State == TrialState.Complete).Max(t => t.Value!.Value);

    /// <summary>A complete trial record.</summary>
    public static TrialRecord Complete(int number, double[] point, double value) =>
        new(number, TrialState.Complete, point, value, [], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1));

    /// <summary>A running trial record.</summary>
    public static TrialRecord Running(int number, double[] point) =>
        new(number, TrialState.Running, point, null, [], DateTimeOffset.UnixEpoch, null);

    /// <summary>Asserts that every point is a valid point of <paramref name="space"/>: in bounds, on its grid, with
    /// exactly the inactive dimensions NaN.</summary>
    public static void AssertValid(SearchSpace space, IEnumerable<IReadOnlyList<double>> points)
    {
        foreach (var point in points)
        {
            var values = point.ToArray();
            Assert.Empty(space.Check(values));
            for (var i = 0; i < values.Length; i++)
            {
                Assert.Equal(!space.IsActive(values, i), double.IsNaN(values[i]));
            }
        }
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IEnumerable<double> values) => SamplerCurves.Quantile([.. values], 0.5);

    private static double Square(double x) => x * x;
}
