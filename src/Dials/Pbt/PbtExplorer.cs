using Dials.Samplers;

namespace Dials.Pbt;

/// <summary>Explore, the second half of a round: moves a member's hyperparameters to somewhere near (perturb) or
/// anywhere in their range (resample), dimension by dimension, staying inside the space.</summary>
internal static class PbtExplorer
{
    /// <summary>The explored point and, in words, what changed ("learningRate ×1.2, optimizer resampled").</summary>
    public static (double[] Point, string Change) Explore(SearchSpace space, ReadOnlySpan<double> point, PbtOptions options, TrialRandom random)
    {
        var explored = point.ToArray();
        var changes = new List<string>();
        foreach (var i in space.Order)
        {
            if (!space.IsActive(explored, i))
            {
                explored[i] = double.NaN;
                continue;
            }

            var dimension = space.Dimensions[i];
            var before = explored[i];
            if (double.IsNaN(before))
            {
                // Active only now (a parent choice changed): it has no value to perturb.
                explored[i] = dimension.FromUnit(random.NextDouble());
                changes.Add($"{dimension.Name} drawn (now active)");
            }
            else if (dimension.Kind == DimensionKind.Categorical || random.NextDouble() < options.ResampleProbability)
            {
                if (dimension.Kind == DimensionKind.Categorical && random.NextDouble() >= options.ResampleProbability)
                {
                    continue;
                }

                explored[i] = dimension.FromUnit(random.NextDouble());
                changes.Add($"{dimension.Name} resampled");
            }
            else
            {
                var factor = options.PerturbFactors[random.NextInt(options.PerturbFactors.Count)];
                explored[i] = Perturb(dimension, before, factor);
                changes.Add($"{dimension.Name} ×{factor:0.###}");
            }
        }

        space.ApplyConditions(explored);
        return (explored, changes.Count == 0 ? "unchanged" : string.Join(", ", changes));
    }

    /// <summary>The value times <paramref name="factor"/>, snapped into the dimension; a discrete value the snap would
    /// leave where it was moves one level in the factor's direction, so small integers do not stay stuck.</summary>
    private static double Perturb(Dimension dimension, double value, double factor)
    {
        var moved = dimension.Snap(value * factor);
        if (moved != value || factor == 1 || !dimension.IsDiscrete)
        {
            return moved;
        }

        // Levels are ordered by value, so one level up or down is the neighbouring unit bin's centre.
        var unit = dimension.ToUnit(value);
        var width = 1.0 / dimension.Count;
        var up = factor > 1 == value >= 0;
        return dimension.FromUnit(Math.Clamp(unit + (up ? width : -width), 0, 1));
    }
}
