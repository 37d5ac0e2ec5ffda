namespace Dials.MultiObjective;

/// <summary>A reference point for <see cref="Hypervolume"/> derived from the points themselves.</summary>
public static class ReferencePoint
{
    /// <summary>The margin <see cref="FromNadir"/> uses unless told otherwise: 10 %, as Optuna's multi-objective
    /// TPE.</summary>
    public const double DefaultMargin = 0.1;

    /// <summary>
    /// The worst point of <paramref name="values"/> pushed outwards by <paramref name="margin"/>. Per objective, with
    /// w the worst value (the largest of a minimised objective, the smallest of a maximised one), the reference is w
    /// moved away from the points by margin x |w|: for margin 0.1 that is 1.1 w or 0.9 w, whichever is worse, which
    /// is Optuna's rule. Where w is 0 (so |w| gives no scale), it moves by margin x the objective's range over the
    /// points instead, or by margin itself when all values are equal, so every point stays strictly better than the
    /// reference and adds volume. Passing the Pareto front gives the nadir point; passing all points, as Optuna's
    /// TPE does, gives a reference that every point improves on.
    /// </summary>
    /// <param name="values">At least one value vector, as long as <paramref name="directions"/>, all values finite.
    /// </param>
    /// <param name="directions">Whether each objective is minimised or maximised.</param>
    /// <param name="margin">How far beyond the worst point, relative to its magnitude; positive.</param>
    /// <exception cref="ArgumentException">There are no points, a vector has the wrong length, or a value is not
    /// finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="margin"/> is not positive and finite.</exception>
    public static double[] FromNadir(
        IReadOnlyList<IReadOnlyList<double>> values, IReadOnlyList<Direction> directions, double margin = DefaultMargin)
    {
        if (!(margin > 0) || !double.IsFinite(margin))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin must be positive and finite.");
        }

        var losses = Losses.Of(values, directions);
        if (losses.Length == 0)
        {
            throw new ArgumentException("A reference point needs at least one point.", nameof(values));
        }

        if (losses.Any(l => !l.All(double.IsFinite)))
        {
            throw new ArgumentException("Every value must be finite to derive a reference point.", nameof(values));
        }

        var reference = new double[directions.Count];
        for (var j = 0; j < reference.Length; j++)
        {
            var worst = losses.Max(l => l[j]);
            var best = losses.Min(l => l[j]);
            var step = worst != 0 ? Math.Abs(worst) : worst > best ? worst - best : 1;
            var loss = worst + margin * step;
            reference[j] = directions[j] == Direction.Maximize ? -loss : loss;
        }

        return reference;
    }
}
