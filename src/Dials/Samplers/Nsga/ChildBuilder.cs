namespace Dials.Samplers.Nsga;

/// <summary>
/// Makes one child of two parents over any search space, dimension by dimension in the space's order (every
/// condition's parent first), so a child's own choices decide which of its dimensions are active: an inactive one is
/// NaN; an active one the parents both hold is crossed; one only a parent holds is inherited from that parent; one
/// neither holds is drawn at random. Numeric dimensions are all crossed (SBX, which already leaves most values near
/// one parent or between the two) and mutated (polynomial) in the unit space of
/// <see cref="Dimension.ToUnit"/>, so log scales are respected and integers, steps and powers of two come back on their
/// grid through <see cref="Dimension.FromUnit"/>; a categorical takes either parent's level, and its mutation (as that
/// of a numeric dimension of few values, which a small step would never move) draws a level afresh.
/// </summary>
internal static class ChildBuilder
{
    /// <summary>Discrete dimensions with at most this many values are mutated by a fresh draw rather than a step.</summary>
    private const int RedrawLevels = 16;

    /// <summary>The child of <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="first">The first parent, whose values the child keeps where it does not cross.</param>
    /// <param name="second">The second parent.</param>
    /// <param name="cross">Whether to cross at all; a child that does not is a copy of <paramref name="first"/> before mutation.</param>
    /// <param name="mutationProbability">The chance that a dimension is mutated.</param>
    /// <param name="random">The trial's random stream.</param>
    public static double[] Build(SearchSpace space, IReadOnlyList<double> first, IReadOnlyList<double> second, bool cross,
        double mutationProbability, TrialRandom random)
    {
        var child = new double[space.Dimensions.Count];
        Array.Fill(child, double.NaN);
        foreach (var i in space.Order)
        {
            if (!space.IsActive(child, i))
            {
                continue;
            }

            var dimension = space.Dimensions[i];
            var a = first[i];
            var b = second[i];
            double value;
            if (double.IsNaN(a) && double.IsNaN(b))
            {
                value = dimension.FromUnit(random.NextDouble());
            }
            else if (double.IsNaN(a) || double.IsNaN(b))
            {
                value = double.IsNaN(a) ? b : a;
            }
            else
            {
                value = cross ? Cross(dimension, a, b, random) : a;
            }

            child[i] = random.NextDouble() < mutationProbability ? Mutate(dimension, value, random) : dimension.Snap(value);
        }

        return child;
    }

    private static double Cross(Dimension dimension, double a, double b, TrialRandom random) =>
        dimension.Kind == DimensionKind.Categorical
            ? random.NextDouble() < 0.5 ? a : b
            : dimension.FromUnit(UnitOperators.Crossover(dimension.ToUnit(a), dimension.ToUnit(b), random));

    private static double Mutate(Dimension dimension, double value, TrialRandom random) =>
        dimension.Kind == DimensionKind.Categorical || (dimension.IsDiscrete && dimension.Count <= RedrawLevels)
            ? dimension.FromUnit(random.NextDouble())
            : dimension.FromUnit(UnitOperators.Mutate(dimension.ToUnit(value), random));
}
