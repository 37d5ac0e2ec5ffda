namespace Dials.Practice;

/// <summary>Reading a range test's smoothed loss curve: where it is lowest, where it falls fastest, what to use.</summary>
internal static class RangeTestCurve
{
    /// <summary>The result the curve gives.</summary>
    /// <param name="points">The curve, in rate order, with finite smoothed losses; at least one point.</param>
    /// <param name="divergenceRate">Where the test stopped on divergence, or null.</param>
    /// <param name="warmUpPoints">Leading points not to look for the steepest fall in.</param>
    public static LearningRateRangeResult Read(IReadOnlyList<RangeTestPoint> points, double? divergenceRate, int warmUpPoints)
    {
        var lowest = LowestIndex(points);
        var minimumLossRate = points[lowest].Rate;
        var steepestRate = points[SteepestIndex(points, lowest, warmUpPoints)].Rate;

        // Smith (2017) picks a rate where the loss still falls steeply; fastai's finder offers the steepest point and
        // a tenth of the minimum's rate (the minimum sits at the edge of instability, and the heavy smoothing makes it
        // lag behind the raw curve, so one decade down is safe). Taking the smaller of the two keeps to the
        // conservative side of both rules; both lie before the minimum, hence below divergence.
        var suggestedRate = Math.Min(steepestRate, minimumLossRate / 10);
        return new LearningRateRangeResult(points, suggestedRate, minimumLossRate, steepestRate, divergenceRate);
    }

    private static int LowestIndex(IReadOnlyList<RangeTestPoint> points)
    {
        var lowest = 0;
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].SmoothedLoss < points[lowest].SmoothedLoss)
            {
                lowest = i;
            }
        }

        return lowest;
    }

    /// <summary>The point, up to the minimum, where the smoothed loss falls fastest per unit of log rate: central
    /// differences inside the curve, one-sided at its ends (the rates are geometric, so log rates are evenly spaced
    /// and the central difference is centred on the point).</summary>
    private static int SteepestIndex(IReadOnlyList<RangeTestPoint> points, int lowest, int warmUpPoints)
    {
        // A curve that bottoms out within the warm-up has nothing else to offer: look at all of it up to the minimum.
        var first = warmUpPoints < lowest ? warmUpPoints : 0;
        var steepest = lowest;
        var steepestSlope = double.PositiveInfinity;
        for (var i = first; i <= lowest; i++)
        {
            var before = Math.Max(i - 1, 0);
            var after = Math.Min(i + 1, points.Count - 1);
            if (after == before)
            {
                continue;
            }

            var slope = (points[after].SmoothedLoss - points[before].SmoothedLoss)
                        / (Math.Log(points[after].Rate) - Math.Log(points[before].Rate));
            if (slope < steepestSlope)
            {
                steepestSlope = slope;
                steepest = i;
            }
        }

        return steepest;
    }
}
