namespace Dials.Simulation;

/// <summary>
/// Standard multi-objective test problems, all objectives minimised, with the hypervolume of their true Pareto
/// fronts in closed form (ZDT3's from two constants computed once to 1e-15 and checked against the literature): ZDT1,
/// ZDT2 and ZDT3 (Zitzler, Deb and Thiele, 2000) with their standard 30 variables; DTLZ1 and DTLZ2 (Deb, Thiele,
/// Laumanns and Zitzler, 2002) with 3 objectives and the standard n = M + k - 1 variables (k = 5 and 10); and Binh and
/// Korn's constrained problem, the one Optuna's constrained NSGA-II example uses; and Fonseca and Fleming's problem
/// (1995) with 3 variables, whose Pareto set is a diagonal of the box (every variable equal) where the others' lie
/// along its axes. The scalable ones take another number of variables by name: <c>zdt1:4</c>, <c>dtlz2:5</c>,
/// <c>fonseca:6</c> (<see cref="Get"/>).
/// </summary>
/// <remarks>
/// For a reference point R no better than the front's nadir, the optimal hypervolume is the volume of the box between
/// the ideal corner and R less the part of it the front does not dominate, so each problem states it as a formula in
/// R. The default references: (11, 11) for the ZDT problems, the usual choice since SMS-EMOA (Beume, Naujoks and
/// Emmerich, 2007); for DTLZ1 (100, 100, 100) and for DTLZ2 (1.5, 1.5, 1.5), so that a fair share of random points
/// (DTLZ1's objectives reach hundreds before its g is minimised) already count and the hypervolume tells samplers
/// apart within 200 trials; (140, 50) for Binh and Korn, a little beyond its nadir (136, 50); (1, 1) for Fonseca and
/// Fleming, the corner its objectives approach but never reach.
/// </remarks>
public static class MultiObjectiveProblems
{
    /// <summary>The integral over [0, 1] of ZDT3's front, the running minimum of 1 - sqrt(x) - x sin(10 pi x), from the
    /// front's five pieces integrated separately (SciPy's quad, tolerance 1e-14).</summary>
    private const double Zdt3FrontIntegral = -0.04442600742435601;

    /// <summary>ZDT3's smallest second objective, at x = 0.851833, the right end of its last piece.</summary>
    private const double Zdt3LowestSecond = -0.7733690123266406;

    private static readonly Direction[] TwoMinimized = [Direction.Minimize, Direction.Minimize];
    private static readonly Direction[] ThreeMinimized = [Direction.Minimize, Direction.Minimize, Direction.Minimize];

    /// <summary>Fonseca and Fleming's optimal hypervolume at (1, 1), the same for every number of variables: the
    /// integral of the front's dominated area, computed once with SciPy's quad to 1e-15 (and checked by sampling, in
    /// the tests).</summary>
    private const double FonsecaOptimumAtOne = 0.3421155931198939;

    /// <summary>Every problem, each with its standard number of variables.</summary>
    public static IReadOnlyList<MultiObjectiveProblem> All { get; } = [Zdt1(), Zdt2(), Zdt3(), Dtlz1(), Dtlz2(), BinhKorn(), Fonseca()];

    /// <summary>The problem with this name (case-insensitive); a scalable problem's name may end in <c>:N</c> for N
    /// variables (<c>zdt1:4</c>: at least 2 for ZDT, 3 for DTLZ, 1 for Fonseca and Fleming).</summary>
    /// <exception cref="ArgumentException">No problem has that name, or it takes no such number of variables.</exception>
    public static MultiObjectiveProblem Get(string name) =>
        TryGet(name) ?? throw new ArgumentException(
            $"Unknown problem '{name}'; known: {string.Join(", ", All.Select(p => p.Name))}, and zdt1-3, dtlz1-2 or fonseca with ':' and a number of variables.",
            nameof(name));

    /// <summary>The problem with this name as <see cref="Get"/> reads it, or null when there is none.</summary>
    /// <exception cref="ArgumentException">A scalable problem with a number of variables it cannot take.</exception>
    public static MultiObjectiveProblem? TryGet(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        var family = name[..colon].ToLowerInvariant();
        if (!int.TryParse(name[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var variables))
        {
            return null;
        }

        var least = family switch { "zdt1" or "zdt2" or "zdt3" => 2, "dtlz1" or "dtlz2" => 3, "fonseca" => 1, _ => 0 };
        if (least == 0)
        {
            return null;
        }

        if (variables < least || variables > 1000)
        {
            throw new ArgumentException($"{family} takes {least} to 1000 variables, not {variables} ('{name}').", nameof(name));
        }

        return family switch
        {
            "zdt1" => Zdt1(variables),
            "zdt2" => Zdt2(variables),
            "zdt3" => Zdt3(variables),
            "dtlz1" => Dtlz1(variables),
            "dtlz2" => Dtlz2(variables),
            _ => Fonseca(variables),
        };
    }

    /// <summary>ZDT1 on [0, 1]^30: f1 = x0, f2 = g (1 - sqrt(f1 / g)) with g = 1 + 9 (x1 + ... + x29) / 29. The front
    /// (g = 1) is f2 = 1 - sqrt(f1), f1 in [0, 1]; its hypervolume is R0 R1 - 1/3 (120.666... at (11, 11)).</summary>
    /// <param name="variables">The number of variables (the standard 30 by default).</param>
    public static MultiObjectiveProblem Zdt1(int variables = 30) =>
        Zdt("zdt1", variables, (f1, g) => g * (1 - Math.Sqrt(f1 / g)), r => r[0] * r[1] - 1.0 / 3);

    /// <summary>ZDT2 on [0, 1]^30: f1 = x0, f2 = g (1 - (f1 / g)^2), g as ZDT1. The front is f2 = 1 - f1^2, f1 in
    /// [0, 1]; its hypervolume is R0 R1 - 2/3 (120.333... at (11, 11)).</summary>
    /// <param name="variables">The number of variables (the standard 30 by default).</param>
    public static MultiObjectiveProblem Zdt2(int variables = 30) =>
        Zdt("zdt2", variables, (f1, g) => g * (1 - (f1 / g) * (f1 / g)), r => r[0] * r[1] - 2.0 / 3);

    /// <summary>ZDT3 on [0, 1]^30: f1 = x0, f2 = g (1 - sqrt(f1 / g) - (f1 / g) sin(10 pi f1)), g as ZDT1. The front
    /// is the non-dominated part of the curve at g = 1, five disconnected pieces; with I the integral of its running
    /// minimum over f1 in [0, 1] and m its lowest point, the hypervolume is R0 R1 - I - (R0 - 1) m
    /// (128.77811613069076 at (11, 11), the value the literature quotes).</summary>
    /// <param name="variables">The number of variables (the standard 30 by default).</param>
    public static MultiObjectiveProblem Zdt3(int variables = 30) =>
        Zdt("zdt3", variables,
            (f1, g) => g * (1 - Math.Sqrt(f1 / g) - f1 / g * Math.Sin(10 * Math.PI * f1)),
            r => r[0] * r[1] - Zdt3FrontIntegral - (r[0] - 1) * Zdt3LowestSecond);

    /// <summary>DTLZ1 with 3 objectives on [0, 1]^7: f1 = x0 x1 (1 + g) / 2, f2 = x0 (1 - x1)(1 + g) / 2,
    /// f3 = (1 - x0)(1 + g) / 2, with g = 100 (5 + the sum over x2..x6 of (x - 0.5)^2 - cos(20 pi (x - 0.5))), which has
    /// 11^5 - 1 local optima. The front (x2..x6 = 0.5, g = 0) is the triangle f1 + f2 + f3 = 1/2, f >= 0: everything at
    /// least as large as a point of it is dominated, so the hypervolume is R0 R1 R2 - (1/2)^3 / 6 = R0 R1 R2 - 1/48
    /// (for R >= 1/2 in every objective).</summary>
    /// <param name="variables">The number of variables (the standard 7 by default).</param>
    public static MultiObjectiveProblem Dtlz1(int variables = 7)
    {
        return new(
            Named("dtlz1", variables, 7),
            UnitSpace(variables),
            x =>
            {
                var g = 0.0;
                for (var i = 2; i < variables; i++)
                {
                    var z = x[i] - 0.5;
                    g += 1 + z * z - Math.Cos(20 * Math.PI * z);
                }

                var half = 0.5 * (1 + 100 * g); // the usual 100 (k + sum) with k = variables - 2 folded into the sum
                return [half * x[0] * x[1], half * x[0] * (1 - x[1]), half * (1 - x[0])];
            },
            ThreeMinimized,
            [100, 100, 100],
            r => r[0] * r[1] * r[2] - 1.0 / 48,
            t => [t[0], t[1], .. Enumerable.Repeat(0.5, variables - 2)]);
    }

    /// <summary>DTLZ2 with 3 objectives on [0, 1]^12: f1 = (1 + g) cos(x0 pi/2) cos(x1 pi/2),
    /// f2 = (1 + g) cos(x0 pi/2) sin(x1 pi/2), f3 = (1 + g) sin(x0 pi/2), with g = the sum over x2..x11 of (x - 0.5)^2.
    /// The front (g = 0) is the unit sphere's positive octant: a non-negative point is dominated exactly when its norm
    /// is at least 1, so the hypervolume is R0 R1 R2 - pi / 6 (for R >= 1 in every objective).</summary>
    /// <param name="variables">The number of variables (the standard 12 by default).</param>
    public static MultiObjectiveProblem Dtlz2(int variables = 12)
    {
        return new(
            Named("dtlz2", variables, 12),
            UnitSpace(variables),
            x =>
            {
                var g = 0.0;
                for (var i = 2; i < variables; i++)
                {
                    g += (x[i] - 0.5) * (x[i] - 0.5);
                }

                double a = x[0] * Math.PI / 2, b = x[1] * Math.PI / 2;
                return [(1 + g) * Math.Cos(a) * Math.Cos(b), (1 + g) * Math.Cos(a) * Math.Sin(b), (1 + g) * Math.Sin(a)];
            },
            ThreeMinimized,
            [1.5, 1.5, 1.5],
            r => r[0] * r[1] * r[2] - Math.PI / 6,
            t => [t[0], t[1], .. Enumerable.Repeat(0.5, variables - 2)]);
    }

    /// <summary>
    /// Binh and Korn's problem on x0 in [0, 5], x1 in [0, 3]: f1 = 4 x0^2 + 4 x1^2, f2 = (x0 - 5)^2 + (x1 - 5)^2, with
    /// constraints c1 = (x0 - 5)^2 + x1^2 - 25 and c2 = 7.7 - (x0 - 8)^2 - (x1 + 3)^2 (feasible when both are at most
    /// 0). The feasible region is the part of the box inside the disc of radius 5 about (5, 0) (which cuts off the
    /// corner near x0 = 0, x1 = 3) and outside the disc of radius sqrt(7.7) about (8, -3) (which lies wholly outside
    /// the box, so c2 never binds). The Pareto set, x1 = x0 for x0 in [0, 3] and x1 = 3 for x0 in [3, 5], is
    /// feasible, so the front is the unconstrained one: f2 = 2 (5 - sqrt(f1 / 8))^2 for f1 in [0, 72] and
    /// f2 = (5 - sqrt((f1 - 36) / 4))^2 + 4 for f1 in [72, 136]. Its integral is 5096/3, so the hypervolume is
    /// R0 R1 - 4 R0 - 3464/3 (for R0 >= 136, R1 >= 50): 5285.333... at (140, 50).
    /// </summary>
    public static MultiObjectiveProblem BinhKorn() => new(
        "binh-korn",
        TestFunction.PointSpace([Dimension.Float("x0", 0, 5), Dimension.Float("x1", 0, 3)]),
        x => [4 * x[0] * x[0] + 4 * x[1] * x[1], (x[0] - 5) * (x[0] - 5) + (x[1] - 5) * (x[1] - 5)],
        TwoMinimized,
        [140, 50],
        r => r[0] * r[1] - 4 * r[0] - 3464.0 / 3,
        t => [5 * t[0], Math.Min(5 * t[0], 3)],
        x => [(x[0] - 5) * (x[0] - 5) + x[1] * x[1] - 25, 7.7 - (x[0] - 8) * (x[0] - 8) - (x[1] + 3) * (x[1] + 3)]);

    /// <summary>
    /// Fonseca and Fleming's problem on [-4, 4]^n: f1 = 1 - exp(-sum (x_i - 1/sqrt(n))^2), f2 = 1 - exp(-sum (x_i +
    /// 1/sqrt(n))^2). The Pareto set is the diagonal x_1 = ... = x_n = u / sqrt(n), u in [-1, 1], where the front is
    /// f1 = 1 - exp(-(u - 1)^2), f2 = 1 - exp(-(u + 1)^2) whatever n; at a reference R >= (1, 1) the optimal
    /// hypervolume is R0 R1 - 1 + 0.34211559311989 (the front's dominated area at (1, 1)).
    /// </summary>
    /// <param name="variables">The number of variables (3 by default, as in the original paper).</param>
    public static MultiObjectiveProblem Fonseca(int variables = 3)
    {
        var centre = 1 / Math.Sqrt(variables);
        return new(
            Named("fonseca", variables, 3),
            TestFunction.PointSpace([.. Enumerable.Range(0, variables).Select(i => Dimension.Float($"x{i}", -4, 4))]),
            x =>
            {
                double towards = 0, away = 0;
                for (var i = 0; i < variables; i++)
                {
                    towards += (x[i] - centre) * (x[i] - centre);
                    away += (x[i] + centre) * (x[i] + centre);
                }

                return [1 - Math.Exp(-towards), 1 - Math.Exp(-away)];
            },
            TwoMinimized,
            [1, 1],
            r => r[0] * r[1] - 1 + FonsecaOptimumAtOne,
            t => [.. Enumerable.Repeat((2 * t[0] - 1) * centre, variables)]);
    }

    // A problem at its standard size keeps its plain name, so earlier results and commands still match.
    private static string Named(string family, int variables, int standard) =>
        variables == standard ? family : $"{family}:{variables}";

    private static MultiObjectiveProblem Zdt(string family, int variables, Func<double, double, double> second, Func<IReadOnlyList<double>, double> optimum)
    {
        return new(
            Named(family, variables, 30),
            UnitSpace(variables),
            x =>
            {
                var sum = 0.0;
                for (var i = 1; i < variables; i++)
                {
                    sum += x[i];
                }

                var g = 1 + 9 * sum / (variables - 1);
                return [x[0], second(x[0], g)];
            },
            TwoMinimized,
            [11, 11],
            optimum,
            t => [t[0], .. new double[variables - 1]]);
    }

    private static SearchSpace<double[]> UnitSpace(int variables) =>
        TestFunction.PointSpace([.. Enumerable.Range(0, variables).Select(i => Dimension.Float($"x{i}", 0, 1))]);
}
