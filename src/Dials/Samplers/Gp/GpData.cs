namespace Dials.Samplers.Gp;

/// <summary>
/// The GP's view of a study's trials: inputs and standardised targets of the complete trials (and of the pruned ones,
/// at the worst complete value), the inputs of trials still running, and every input already taken.
/// </summary>
internal sealed class GpData
{
    private GpData(double[] inputs, int count, double[] values, int completeCount, double[] pendingInputs, int pendingCount,
        double[] taken, int takenCount, int bestRow, int width)
    {
        Width = width;
        Inputs = inputs;
        Count = count;
        Values = values;
        CompleteCount = completeCount;
        PendingInputs = pendingInputs;
        PendingCount = pendingCount;
        Taken = taken;
        TakenCount = takenCount;
        BestRow = bestRow;
    }

    /// <summary>Row-major inputs of the observations (complete trials first, then pruned ones).</summary>
    public double[] Inputs { get; }

    /// <summary>The number of observations.</summary>
    public int Count { get; }

    /// <summary>The observed values, signed so that larger is better whatever the study's direction (not yet scaled:
    /// see <see cref="ObjectiveScaling"/>).</summary>
    public double[] Values { get; }

    /// <summary>Complete trials among the observations.</summary>
    public int CompleteCount { get; }

    /// <summary>Row-major inputs of the running trials that already have a point.</summary>
    public double[] PendingInputs { get; }

    /// <summary>The number of running trials with a point.</summary>
    public int PendingCount { get; }

    /// <summary>Row-major inputs of every trial with a point, whatever its state: never to be proposed again.</summary>
    public double[] Taken { get; }

    /// <summary>Rows of <see cref="Taken"/>.</summary>
    public int TakenCount { get; }

    /// <summary>The row of the best complete trial.</summary>
    public int BestRow { get; }

    /// <summary>The inputs of the best complete trial.</summary>
    public double[] BestInputs => Inputs.AsSpan(BestRow * Width, Width).ToArray();

    /// <summary>Inputs per observation.</summary>
    public int Width { get; }

    /// <summary>Reads the trials of <paramref name="context"/> through <paramref name="features"/>.</summary>
    public static GpData From(SamplingContext context, GpFeatures features)
    {
        var d = features.Count;
        var complete = new List<(IReadOnlyList<double> Point, double Value)>();
        var pruned = new List<IReadOnlyList<double>>();
        var pending = new List<IReadOnlyList<double>>();
        var taken = new List<IReadOnlyList<double>>();
        var sign = context.Direction == Direction.Maximize ? 1.0 : -1.0;
        foreach (var trial in context.Trials)
        {
            if (!features.Covers(trial.Point))
            {
                continue;
            }

            taken.Add(trial.Point);
            switch (trial.State)
            {
                case TrialState.Complete when trial.Value is { } value && double.IsFinite(value):
                    complete.Add((trial.Point, sign * value));
                    break;
                case TrialState.Pruned:
                    pruned.Add(trial.Point);
                    break;
                case TrialState.Running:
                    pending.Add(trial.Point);
                    break;
            }
        }

        var count = complete.Count + pruned.Count;
        var inputs = new double[count * d];
        var raw = new double[count];
        var bestRow = 0;
        for (var r = 0; r < complete.Count; r++)
        {
            features.Encode(complete[r].Point, inputs.AsSpan(r * d, d));
            raw[r] = complete[r].Value;
            bestRow = raw[r] > raw[bestRow] ? r : bestRow;
        }

        var worst = complete.Count > 0 ? complete.Min(c => c.Value) : 0;
        for (var r = 0; r < pruned.Count; r++)
        {
            features.Encode(pruned[r], inputs.AsSpan((complete.Count + r) * d, d));
            raw[complete.Count + r] = worst;
        }

        return new GpData(inputs, count, raw, complete.Count, Rows(pending, features), pending.Count, Rows(taken, features),
            taken.Count, bestRow, d);
    }

    private static double[] Rows(List<IReadOnlyList<double>> points, GpFeatures features)
    {
        var d = features.Count;
        var rows = new double[points.Count * d];
        for (var r = 0; r < points.Count; r++)
        {
            features.Encode(points[r], rows.AsSpan(r * d, d));
        }

        return rows;
    }
}
