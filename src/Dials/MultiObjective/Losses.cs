namespace Dials.MultiObjective;

/// <summary>
/// Turns value vectors into loss vectors, where every objective is minimised (a maximised objective is negated), after
/// checking their shape: the algorithms here work on losses only, so directions are dealt with once, at the door.
/// </summary>
internal static class Losses
{
    /// <summary>The loss vectors of <paramref name="values"/>, one per vector, in the same order.</summary>
    /// <exception cref="ArgumentException">There are no directions, a vector's length is not the number of
    /// directions, or a value is NaN.</exception>
    public static double[][] Of(IReadOnlyList<IReadOnlyList<double>> values, IReadOnlyList<Direction> directions)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckDirections(directions);
        var losses = new double[values.Count][];
        for (var i = 0; i < values.Count; i++)
        {
            losses[i] = Of(values[i], directions, nameof(values), i);
        }

        return losses;
    }

    /// <summary>The loss vector of one value vector; <paramref name="index"/> names it in error messages (-1 for a
    /// vector that is not one of a list).</summary>
    public static double[] Of(IReadOnlyList<double> vector, IReadOnlyList<Direction> directions, string parameter, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(vector, parameter);
        var where = index < 0 ? parameter : $"{parameter}[{index}]";
        if (vector.Count != directions.Count)
        {
            throw new ArgumentException(
                $"{where} has {vector.Count} values but there are {directions.Count} objectives.", parameter);
        }

        var loss = new double[vector.Count];
        for (var j = 0; j < loss.Length; j++)
        {
            if (double.IsNaN(vector[j]))
            {
                throw new ArgumentException($"{where}[{j}] is NaN (objective {j + 1}).", parameter);
            }

            loss[j] = directions[j] == Direction.Maximize ? -vector[j] : vector[j];
        }

        return loss;
    }

    /// <summary>Checks that there is at least one direction.</summary>
    public static void CheckDirections(IReadOnlyList<Direction> directions)
    {
        ArgumentNullException.ThrowIfNull(directions);
        if (directions.Count == 0)
        {
            throw new ArgumentException("At least one objective direction is needed.", nameof(directions));
        }
    }
}
