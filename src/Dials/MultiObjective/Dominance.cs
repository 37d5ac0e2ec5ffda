namespace Dials.MultiObjective;

/// <summary>
/// Pareto dominance between value vectors, each objective minimised or maximised by its <see cref="Direction"/>, and
/// constrained dominance as Optuna defines it: a constraint vector is feasible when every value is at most 0; a
/// feasible point dominates an infeasible one; between two infeasible points the one with the smaller total violation
/// (the sum of the positive constraint values) dominates; between two feasible points plain dominance decides.
/// </summary>
public static class Dominance
{
    /// <summary>Whether <paramref name="a"/> dominates <paramref name="b"/>: at least as good in every objective and
    /// better in one. Equal vectors do not dominate each other.</summary>
    /// <exception cref="ArgumentException">A vector's length is not the number of directions, or a value is NaN.
    /// </exception>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<Direction> directions)
    {
        Losses.CheckDirections(directions);
        return Dominates(Losses.Of(a, directions, nameof(a)), Losses.Of(b, directions, nameof(b)));
    }

    /// <summary>Whether a point with these constraint values is feasible: every value at most 0 (an empty vector is
    /// feasible).</summary>
    /// <exception cref="ArgumentException">A constraint value is NaN.</exception>
    public static bool IsFeasible(IReadOnlyList<double> constraints) => Violation(constraints) == 0;

    /// <summary>The total violation: the sum of the positive constraint values, 0 for a feasible point.</summary>
    /// <exception cref="ArgumentException">A constraint value is NaN.</exception>
    public static double Violation(IReadOnlyList<double> constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        var total = 0.0;
        foreach (var value in constraints)
        {
            if (double.IsNaN(value))
            {
                // NaN compares false both ways, so it would read as feasible; a constraint that could not be
                // computed is a caller's error, as NaN objective values are.
                throw new ArgumentException("A constraint value is NaN.", nameof(constraints));
            }

            if (value > 0)
            {
                total += value;
            }
        }

        return total;
    }

    /// <summary>Whether <paramref name="a"/> constrained-dominates <paramref name="b"/> (see the class summary).
    /// </summary>
    /// <exception cref="ArgumentException">A value vector's length is not the number of directions, or a value or
    /// constraint value is NaN.</exception>
    public static bool ConstrainedDominates(
        IReadOnlyList<double> a, IReadOnlyList<double> aConstraints,
        IReadOnlyList<double> b, IReadOnlyList<double> bConstraints,
        IReadOnlyList<Direction> directions)
    {
        var violationA = Violation(aConstraints);
        var violationB = Violation(bConstraints);
        if (violationA == 0 && violationB == 0)
        {
            return Dominates(a, b, directions);
        }

        // Check the values even when the constraints decide, so a malformed vector never passes unnoticed.
        Losses.CheckDirections(directions);
        Losses.Of(a, directions, nameof(a));
        Losses.Of(b, directions, nameof(b));
        return violationA < violationB;
    }

    /// <summary>Dominance between loss vectors of the same length (every objective minimised).</summary>
    internal static bool Dominates(double[] a, double[] b)
    {
        var better = false;
        for (var j = 0; j < a.Length; j++)
        {
            if (a[j] > b[j])
            {
                return false;
            }

            better |= a[j] < b[j];
        }

        return better;
    }

    /// <summary>Whether loss vector <paramref name="a"/> is at least as good as <paramref name="b"/> in each of the
    /// first <paramref name="objectives"/> objectives (equal vectors included).</summary>
    internal static bool WeaklyDominates(double[] a, double[] b, int objectives)
    {
        for (var j = 0; j < objectives; j++)
        {
            if (a[j] > b[j])
            {
                return false;
            }
        }

        return true;
    }
}
