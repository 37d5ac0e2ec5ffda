namespace Dials.Analysis;

/// <summary>
/// The sweep behind every sensitivity analysis, whoever supplies the scores (a surrogate's predictions or the
/// objective's runs): score the centre, then move each dimension active there across its range alone, and mark
/// which points stay within the tolerance of the centre's score.
/// </summary>
internal static class OneAtATimeSweep
{
    /// <summary>Runs the sweep, calling <paramref name="score"/> once for the centre and once per other point, one at
    /// a time, dimensions in declaration order.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="center">A valid point with inactive dimensions NaN.</param>
    /// <param name="direction">Whether smaller or larger scores are better.</param>
    /// <param name="score">Scores a point (it receives its own copy).</param>
    /// <param name="options">Points and tolerance.</param>
    /// <param name="source">Where the scores come from, for the result.</param>
    /// <param name="valueRange">The span of values a relative tolerance falls back on when the centre scores 0; null
    /// to use the span of the sweep's own scores.</param>
    /// <param name="cancellationToken">Checked before every score.</param>
    public static async Task<SensitivityResult> RunAsync(SearchSpace space, double[] center, Direction direction,
        Func<double[], CancellationToken, ValueTask<double>> score, SensitivityOptions options, SensitivitySource source,
        double? valueRange, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var centerScore = await score((double[])center.Clone(), cancellationToken).ConfigureAwait(false);
        var measured = new List<(int Dimension, double[] Values, double[] Scores)>();
        for (var d = 0; d < center.Length; d++)
        {
            if (double.IsNaN(center[d]))
            {
                continue;
            }

            var values = ValuesToTry(space.Dimensions[d], center[d], options.Points);
            var scores = new double[values.Length];
            for (var k = 0; k < values.Length; k++)
            {
                if (values[k] == center[d])
                {
                    scores[k] = centerScore; // the centre is scored once, not once per dimension
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                scores[k] = await score(Move(space, center, d, values[k]), cancellationToken).ConfigureAwait(false);
            }

            measured.Add((d, values, scores));
        }

        var range = valueRange ?? SpanOf(centerScore, measured.SelectMany(m => m.Scores));
        var threshold = Threshold(centerScore, direction, options, range);
        var sweeps = measured
            .Select(m => Summarise(space.Dimensions[m.Dimension], center[m.Dimension], m.Values, m.Scores, threshold, direction))
            .ToArray();
        return new SensitivityResult(source, centerScore, threshold, sweeps);
    }

    /// <summary>The values a dimension is swept over, increasing, the centre's among them: every value of a discrete
    /// dimension with at most <paramref name="points"/> of them, else <paramref name="points"/> values evenly spaced
    /// in the unit interval (so log scales are swept evenly in log), snapped to the dimension's grid.</summary>
    internal static double[] ValuesToTry(Dimension dimension, double center, int points)
    {
        var values = new List<double>(points + 1) { center };
        var centerUnit = dimension.ToUnit(center);
        void Add(double value)
        {
            // A grid value a rounding error away from the centre (0.010000000000000002 for 0.01 on a log scale) is
            // the centre: it would only repeat it as a second point.
            if (Math.Abs(dimension.ToUnit(value) - centerUnit) > 1e-9)
            {
                values.Add(value);
            }
        }

        if (dimension.Kind == DimensionKind.Int && (dimension.High - dimension.Low) / dimension.Step + 1 <= points)
        {
            for (var v = dimension.Low; v <= dimension.High; v += dimension.Step)
            {
                Add(v);
            }
        }
        else if (dimension.IsDiscrete && dimension.Kind != DimensionKind.Int && dimension.Count <= points)
        {
            for (var level = 0; level < dimension.Count; level++)
            {
                Add(dimension.FromUnit((level + 0.5) / dimension.Count));
            }
        }
        else
        {
            for (var k = 0; k < points; k++)
            {
                Add(dimension.FromUnit((double)k / (points - 1)));
            }
        }

        return [.. values.Distinct().Order()];
    }

    /// <summary>The centre with one dimension moved. Dimensions the move switches off become NaN; those it switches
    /// on take the centre's value where it has one, else their default.</summary>
    private static double[] Move(SearchSpace space, double[] center, int dimension, double value)
    {
        var point = (double[])center.Clone();
        point[dimension] = value;
        foreach (var j in space.Order)
        {
            if (!space.IsActive(point, j))
            {
                point[j] = double.NaN;
            }
            else if (double.IsNaN(point[j]))
            {
                point[j] = double.IsNaN(center[j]) ? space.Dimensions[j].DefaultValue : center[j];
            }
        }

        return point;
    }

    /// <summary>The worst score still tolerated: the centre's, worsened (in the study's direction) by the tolerance
    /// in the objective's units, or as a share of the centre's magnitude, or of <paramref name="range"/> when the
    /// centre is 0 and has no magnitude to take a share of.</summary>
    private static double Threshold(double centerScore, Direction direction, SensitivityOptions options, double range)
    {
        var allowance = options.Absolute ? options.Tolerance
            : centerScore != 0 ? options.Tolerance * Math.Abs(centerScore)
            : options.Tolerance * range;
        return direction == Direction.Minimize ? centerScore + allowance : centerScore - allowance;
    }

    private static double SpanOf(double centerScore, IEnumerable<double> scores)
    {
        double low = centerScore, high = centerScore;
        foreach (var s in scores.Where(double.IsFinite))
        {
            low = Math.Min(low, s);
            high = Math.Max(high, s);
        }

        return high - low;
    }

    private static DimensionSweep Summarise(Dimension dimension, double center, double[] values, double[] scores, double threshold,
        Direction direction)
    {
        var points = new SweepPoint[values.Length];
        var tolerated = 0;
        for (var k = 0; k < values.Length; k++)
        {
            var ok = direction == Direction.Minimize ? scores[k] <= threshold : scores[k] >= threshold; // NaN: never
            tolerated += ok ? 1 : 0;
            points[k] = new SweepPoint(values[k], dimension.Format(values[k]), scores[k], ok);
        }

        // The run of tolerated points around the centre (itself always tolerated: the allowance is never negative).
        var middle = Array.IndexOf(values, center);
        var (low, high) = (middle, middle);
        while (low > 0 && points[low - 1].Tolerated)
        {
            low--;
        }

        while (high < points.Length - 1 && points[high + 1].Tolerated)
        {
            high++;
        }

        return new DimensionSweep(dimension.Name, center, points, values[low], values[high], (double)tolerated / points.Length);
    }
}
