namespace Dials.Simulation;

/// <summary>
/// The functions the simulator runs: Branin, Hartmann6 and Rosenbrock in 4-D with the bounds and optima of the
/// shared Optuna anchor (<c>functions.py</c>), so results compare side by side, plus a mixed space of our own and
/// the cases where TPE is weak (<see cref="TpeCases"/>).
/// </summary>
public static class TestFunctions
{
    private static readonly double[,] HartmannA =
    {
        { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] HartmannP =
    {
        { 1312, 1696, 5569, 124, 8283, 5886 }, { 2329, 4135, 8307, 3736, 1004, 9991 },
        { 2348, 1451, 3522, 2883, 3047, 6650 }, { 4047, 8828, 8732, 5743, 1091, 381 },
    };

    private static readonly double[] HartmannAlpha = [1.0, 1.2, 3.0, 3.2];

    /// <summary>Every function by name.</summary>
    public static IReadOnlyList<TestFunction> All { get; } = [Branin(), Hartmann6(), Rosenbrock4(), MixedFunction.Create(), MoreTestFunctions.Hartmann3(), MoreTestFunctions.SixHumpCamel(), MoreTestFunctions.StyblinskiTang4(), MixedIntegerFunction.Create(), .. TpeCases.All];

    /// <summary>The function named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No function has that name.</exception>
    public static TestFunction Get(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"Unknown function '{name}'; known: {string.Join(", ", All.Select(f => f.Name))}.", nameof(name));

    /// <summary>Branin on [-5, 10] x [0, 15]; three global minima of 0.397887.</summary>
    public static TestFunction Branin() => new(
        "branin",
        TestFunction.PointSpace([Dimension.Float("x0", -5, 10), Dimension.Float("x1", 0, 15)]),
        x =>
        {
            const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
            var inner = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return inner * inner + 10 * (1 - t) * Math.Cos(x[0]) + 10;
        },
        0.397887357729738,
        [Math.PI, 2.275]);

    /// <summary>Hartmann's 6-D function on [0, 1]^6; global minimum -3.32237.</summary>
    public static TestFunction Hartmann6() => new(
        "hartmann6",
        TestFunction.PointSpace([.. Enumerable.Range(0, 6).Select(i => Dimension.Float($"x{i}", 0, 1))]),
        x => Hartmann(x, HartmannA, HartmannP, HartmannAlpha),
        -3.32236801141551,
        [0.20168952, 0.15001069, 0.47687398, 0.27533243, 0.31165162, 0.65730054]);

    /// <summary>The Hartmann family: -Σ_i α_i exp(-Σ_j A_ij (x_j - P_ij 10⁻⁴)²), for any number of columns.</summary>
    internal static double Hartmann(double[] x, double[,] a, double[,] p, double[] alpha)
    {
        var total = 0.0;
        for (var i = 0; i < alpha.Length; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                var d = x[j] - p[i, j] * 1e-4;
                inner += a[i, j] * d * d;
            }

            total -= alpha[i] * Math.Exp(-inner);
        }

        return total;
    }

    /// <summary>Rosenbrock's valley in 4-D on [-5, 10]^4; minimum 0 at (1, 1, 1, 1).</summary>
    public static TestFunction Rosenbrock4() => new(
        "rosenbrock4",
        TestFunction.PointSpace([.. Enumerable.Range(0, 4).Select(i => Dimension.Float($"x{i}", -5, 10))]),
        x =>
        {
            var total = 0.0;
            for (var i = 0; i < x.Length - 1; i++)
            {
                var a = x[i + 1] - x[i] * x[i];
                var b = 1 - x[i];
                total += 100 * a * a + b * b;
            }

            return total;
        },
        0,
        [1, 1, 1, 1]);
}
