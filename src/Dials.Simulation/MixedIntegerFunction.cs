namespace Dials.Simulation;

/// <summary>
/// <c>mixed-ic</c>: a mixed integer/categorical problem without conditions, the same as in
/// <c>docs/bench/optuna5_bench.py</c> so that Optuna 5's figures compare with ours. Dimensions, in order:
/// <list type="bullet">
/// <item><c>x</c>: float in [-5, 5];</item>
/// <item><c>lr</c>: float in [1e-4, 1], log-scaled;</item>
/// <item><c>n</c>: integer in [0, 40] with step 2;</item>
/// <item><c>w</c>: integer in [1, 1024], log-scaled (power-of-two-like; Optuna's <c>suggest_int(log=True)</c>);</item>
/// <item><c>c</c>: categorical in (a, b, c, d), level index k.</item>
/// </list>
/// With per-level floor = (0, 0.4, 0.8, 1.2)[k], best x xc = (1.5, -2, 3, 0)[k] and best log10 lr
/// lc = (-2, -3, -1, -2.5)[k], u = (x - xc) / 2.5 and v = log10(lr) - lc:
/// f = floor + u^2 + v^2 + 0.8 u v + ((n - 14) / 10)^2 + (log2(w) - 6)^2 / 4.
/// The quadratic form in (u, v) is positive definite, so the minimum, 0, is reached only at c = a, x = 1.5,
/// lr = 0.01, n = 14, w = 64; each other level moves the best (x, lr) elsewhere and raises the floor. Smooth in the
/// numeric dimensions, so a model of the surface pays off.
/// </summary>
public static class MixedIntegerFunction
{
    private static readonly double[] Floor = [0.0, 0.4, 0.8, 1.2];
    private static readonly double[] BestX = [1.5, -2.0, 3.0, 0.0];
    private static readonly double[] BestLogRate = [-2.0, -3.0, -1.0, -2.5];

    /// <summary>Creates the function.</summary>
    public static TestFunction Create()
    {
        Dimension[] dimensions =
        [
            Dimension.Float("x", -5, 5),
            Dimension.Float("lr", 1e-4, 1, log: true),
            Dimension.Int("n", 0, 40, step: 2),
            Dimension.Int("w", 1, 1024, log: true),
            Dimension.Categorical("c", ["a", "b", "c", "d"]),
        ];
        return new TestFunction("mixed-ic", TestFunction.PointSpace(dimensions), Evaluate, 0, [1.5, 0.01, 14, 64, 0]);
    }

    /// <summary>The function at a point (x, lr, n, w, level index).</summary>
    public static double Evaluate(double[] point)
    {
        var level = (int)point[4];
        var u = (point[0] - BestX[level]) / 2.5;
        var v = Math.Log10(point[1]) - BestLogRate[level];
        var n = (point[2] - 14) / 10;
        var w = Math.Log2(point[3]) - 6;
        return Floor[level] + u * u + v * v + 0.8 * u * v + n * n + w * w / 4;
    }
}
