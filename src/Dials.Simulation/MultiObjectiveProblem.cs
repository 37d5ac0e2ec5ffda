namespace Dials.Simulation;

/// <summary>A multi-objective test problem with a known Pareto front, over a search space whose configurations are
/// the points themselves (as <see cref="TestFunction"/>).</summary>
/// <param name="Name">The name used on the command line.</param>
/// <param name="Space">The search space.</param>
/// <param name="Evaluate">The objective values at a point of <paramref name="Space"/>, one per direction.</param>
/// <param name="Directions">Whether each objective is minimised or maximised.</param>
/// <param name="Reference">The reference point the problem's hypervolume is measured against.</param>
/// <param name="OptimalHypervolumeAt">The hypervolume of the true Pareto front for a reference point, valid for
/// references at least as bad as the front's nadir in every objective (<paramref name="Reference"/> is one).</param>
/// <param name="ParetoOptimal">A Pareto-optimal point of the space for front parameters in [0, 1]^(M - 1), M the
/// number of objectives: the parameters sweep the whole front (for a disconnected front, a curve through it whose
/// images between the front's pieces are dominated).</param>
/// <param name="Constraints">For a constrained problem, the constraint values at a point (feasible when every value
/// is at most 0, as in Optuna); null otherwise.</param>
public sealed record MultiObjectiveProblem(
    string Name,
    SearchSpace<double[]> Space,
    Func<double[], double[]> Evaluate,
    IReadOnlyList<Direction> Directions,
    IReadOnlyList<double> Reference,
    Func<IReadOnlyList<double>, double> OptimalHypervolumeAt,
    Func<double[], double[]> ParetoOptimal,
    Func<double[], double[]>? Constraints = null)
{
    /// <summary>The hypervolume of the true Pareto front at <see cref="Reference"/>.</summary>
    public double OptimalHypervolume => OptimalHypervolumeAt(Reference);

    /// <summary>The number of objectives.</summary>
    public int Objectives => Directions.Count;
}
