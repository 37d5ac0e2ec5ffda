namespace Dials.Pruners;

/// <summary>Reading learning curves (a trial's intermediate values) the way pruners compare them.</summary>
internal static class Curves
{
    /// <summary>The value a trial reported at exactly <paramref name="step"/>, if it did.</summary>
    public static double? ValueAt(TrialRecord trial, long step)
    {
        foreach (var reported in trial.Intermediate)
        {
            if (reported.Step == step)
            {
                return reported.Value;
            }

            if (reported.Step > step)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The first value a trial reported at <paramref name="step"/> or later: what it had when it reached
    /// that much resource.</summary>
    public static double? FirstReachingStep(TrialRecord trial, long step)
    {
        foreach (var reported in trial.Intermediate)
        {
            if (reported.Step >= step)
            {
                return reported.Value;
            }
        }

        return null;
    }

    /// <summary>The best of <paramref name="values"/>, NaN ignored; NaN when there is no number at all.</summary>
    public static double Best(IEnumerable<double> values, Direction direction)
    {
        var best = double.NaN;
        foreach (var value in values)
        {
            if (!double.IsNaN(value) && (double.IsNaN(best) || IsBetter(value, best, direction)))
            {
                best = value;
            }
        }

        return best;
    }

    /// <summary>Whether <paramref name="value"/> beats <paramref name="than"/> in <paramref name="direction"/>.</summary>
    public static bool IsBetter(double value, double than, Direction direction) =>
        direction == Direction.Minimize ? value < than : value > than;

    /// <summary>The <paramref name="percentile"/>-th percentile (0 to 100) of <paramref name="values"/>, interpolating
    /// linearly between the two nearest ranks.</summary>
    public static double Percentile(List<double> values, double percentile)
    {
        values.Sort();
        var rank = percentile / 100 * (values.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, values.Count - 1);
        return values[below] + (rank - below) * (values[above] - values[below]);
    }
}
