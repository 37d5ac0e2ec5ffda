namespace Dials.Simulation;

/// <summary>A function to minimise with a known optimum, over a search space whose configurations are the points
/// themselves (one internal value per dimension, NaN where inactive).</summary>
/// <param name="Name">The name used on the command line.</param>
/// <param name="Space">The search space.</param>
/// <param name="Evaluate">The function, on a point of <paramref name="Space"/>.</param>
/// <param name="Optimum">The smallest value the function takes on the space.</param>
/// <param name="Minimizer">A point where it takes it.</param>
/// <param name="Basin">For a function where reaching the optimum's basin at all is the question, the value below
/// which a trial counts as in it (the simulator then reports the trials it took); null otherwise.</param>
public sealed record TestFunction(string Name, SearchSpace<double[]> Space, Func<double[], double> Evaluate,
    double Optimum, double[] Minimizer, double? Basin = null)
{
    /// <summary>A search space of plain points: configurations are copies of the points.</summary>
    public static SearchSpace<double[]> PointSpace(IReadOnlyList<Dimension> dimensions) =>
        new(dimensions,
            createDefault: () => [.. dimensions.Select(d => d.Kind == DimensionKind.Categorical ? 0 : d.Low)],
            read: (config, i) => double.IsNaN(config[i]) ? null : dimensions[i].ToValue(config[i]),
            decode: (point, _) => point.ToArray());
}
