namespace Dials.Simulation;

/// <summary>
/// Three cases where tree-structured Parzen estimators are known to struggle, defined identically in
/// <c>docs/bench/tpe_cases.py</c> (which runs Optuna on them): many categorical dimensions, a best branch whose
/// conditional children must be tuned together before it pays off, and a sphere in 20 dimensions.
/// </summary>
public static class TpeCases
{
    // Per dimension, the cost of each of its five levels; exactly one level per dimension costs nothing.
    private static readonly double[][] LevelCosts =
    [
        [0.6, 0.0, 1.0, 0.3, 0.8],
        [0.3, 0.9, 0.5, 0.0, 1.0],
        [0.0, 0.7, 0.4, 1.0, 0.2],
        [0.9, 0.4, 0.2, 0.6, 0.0],
    ];

    // Where the 20-D sphere's minimum lies: off-centre in every dimension, some near the bounds.
    private static readonly double[] SphereCentre =
        [1.5, -2.0, 0.5, 3.0, -1.0, 2.5, -3.5, 1.0, -0.5, 2.0, -2.5, 0.0, 3.5, -1.5, 1.0, -3.0, 2.0, -0.5, 0.5, -2.0];

    private const int Sgd = 0, Adam = 1, RmsProp = 2;

    /// <summary>The three cases.</summary>
    public static IReadOnlyList<TestFunction> All { get; } = [Categorical4x5(), Branch(), Sphere20()];

    /// <summary><c>cat4x5</c>: four categorical dimensions of five levels; the value is the sum of the chosen levels'
    /// costs, 0 only when all four are right. The basin is that point itself (any wrong level costs at least 0.2).</summary>
    public static TestFunction Categorical4x5()
    {
        object[] levels = ["a", "b", "c", "d", "e"];
        return new TestFunction(
            "cat4x5",
            TestFunction.PointSpace([.. Enumerable.Range(0, 4).Select(i => Dimension.Categorical($"c{i}", levels))]),
            x =>
            {
                var total = 0.0;
                for (var i = 0; i < LevelCosts.Length; i++)
                {
                    total += LevelCosts[i][(int)x[i]];
                }

                return total;
            },
            0,
            [1, 3, 0, 4],
            Basin: 0.1);
    }

    /// <summary>
    /// <c>branch</c>: an optimizer choice with a learning rate (log scale) and one more parameter per optimizer.
    /// Adam and RMSprop have broad bowls with minima 0.3 and 0.45. SGD reaches 0, but only where momentum (about
    /// 0.95) and learning rate are tuned together: its quality depends on the effective step lr / (1 - momentum) and
    /// on the momentum, in a Gaussian well of 0.25 decades by 0.05 momentum; elsewhere SGD sits near 1.2, worse than a
    /// typical Adam trial (about 0.57). The basin is every value below Adam's optimum, 0.3, which only SGD reaches;
    /// a random trial lands in it with probability about 0.0015.
    /// </summary>
    public static TestFunction Branch()
    {
        Dimension[] dimensions =
        [
            Dimension.Categorical("optimizer", ["sgd", "adam", "rmsprop"]),
            Dimension.Float("sgd_lr", 1e-5, 1, log: true, condition: new DimensionCondition("optimizer", [Sgd])),
            Dimension.Float("sgd_momentum", 0, 0.99, condition: new DimensionCondition("optimizer", [Sgd])),
            Dimension.Float("adam_lr", 1e-5, 1, log: true, condition: new DimensionCondition("optimizer", [Adam])),
            Dimension.Float("adam_beta1", 0.5, 0.99, condition: new DimensionCondition("optimizer", [Adam])),
            Dimension.Float("rmsprop_lr", 1e-5, 1, log: true, condition: new DimensionCondition("optimizer", [RmsProp])),
            Dimension.Float("rmsprop_rho", 0.5, 0.99, condition: new DimensionCondition("optimizer", [RmsProp])),
        ];
        var nan = double.NaN;
        return new TestFunction("branch", TestFunction.PointSpace(dimensions), EvaluateBranch, 0,
            [Sgd, 1e-2, 0.95, nan, nan, nan, nan], Basin: 0.3);
    }

    /// <summary><c>sphere20</c>: the squared distance to a fixed off-centre point of [-5, 5]^20; minimum 0.</summary>
    public static TestFunction Sphere20() => new(
        "sphere20",
        TestFunction.PointSpace([.. Enumerable.Range(0, SphereCentre.Length).Select(i => Dimension.Float($"x{i}", -5, 5))]),
        x =>
        {
            var total = 0.0;
            for (var i = 0; i < SphereCentre.Length; i++)
            {
                total += (x[i] - SphereCentre[i]) * (x[i] - SphereCentre[i]);
            }

            return total;
        },
        0,
        [.. SphereCentre]);

    private static double EvaluateBranch(double[] x)
    {
        switch ((int)x[0])
        {
            case Sgd:
                // lr 1e-2 at momentum 0.95 is the best effective step, 10^-0.699.
                var step = (Math.Log10(x[1]) - Math.Log10(1 - x[2]) - (-2 - Math.Log10(0.05))) / 0.25;
                var momentum = (x[2] - 0.95) / 0.05;
                return 1.2 * (1 - Math.Exp(-0.5 * (step * step + momentum * momentum)));
            case Adam:
                return 0.3 + 0.1 * Square(Math.Log10(x[3]) + 3) + 2 * Square(x[4] - 0.9);
            default:
                return 0.45 + 0.1 * Square(Math.Log10(x[5]) + 2.5) + 2 * Square(x[6] - 0.9);
        }
    }

    private static double Square(double x) => x * x;
}
