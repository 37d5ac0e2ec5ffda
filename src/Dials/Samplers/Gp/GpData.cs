namespace Dials.Samplers.Gp;

/// <summary>
/// The GP's view of a study's trials: inputs and standardised targets of the complete trials (and of the pruned ones and
/// those the objective failed on, at the worst complete value), the constraint values of the complete trials, the inputs of trials still running, and
/// every input already taken.
/// </summary>
internal sealed class GpData
{
    private GpData(double[] inputs, int count, double[] values, int completeCount, double[] pendingInputs, int pendingCount,
        double[] taken, int takenCount, int bestRow, int width, IReadOnlyList<double>?[] rowConstraints, bool hasFeasible)
    {
        RowConstraints = rowConstraints;
        HasFeasible = hasFeasible;
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

    /// <summary>Row-major inputs of the observations (complete trials first, then pruned and failed ones).</summary>
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

    /// <summary>The row of the best complete trial; when trials record constraints, of the best feasible one, or while
    /// none is feasible, of the one that violates them least.</summary>
    public int BestRow { get; }

    /// <summary>The constraint values of each complete trial's row (null where it recorded none).</summary>
    public IReadOnlyList<double>?[] RowConstraints { get; }

    /// <summary>Whether any complete trial recorded a constraint value: the acquisition then weighs the probability of
    /// feasibility.</summary>
    public bool HasConstraints => RowConstraints.Any(c => c is { Count: > 0 });

    /// <summary>Whether some complete trial satisfies its constraints (always, when none records any): only then is
    /// there an incumbent to improve on.</summary>
    public bool HasFeasible { get; }

    /// <summary>The inputs of the best complete trial.</summary>
    public double[] BestInputs => Inputs.AsSpan(BestRow * Width, Width).ToArray();

    /// <summary>Inputs per observation.</summary>
    public int Width { get; }

    /// <summary>Reads the trials of <paramref name="context"/> through <paramref name="features"/>.</summary>
    public static GpData From(SamplingContext context, GpFeatures features)
    {
        var d = features.Count;
        var complete = new List<(IReadOnlyList<double> Point, double Value, IReadOnlyList<double>? Constraints)>();
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
                    complete.Add((trial.Point, sign * value, trial.Constraints is { } c ? [.. c.Select(v => v.Value)] : null));
                    break;
                case TrialState.Pruned:
                    pruned.Add(trial.Point);
                    break;
                // A configuration the objective could not evaluate (it threw, or returned NaN: a FastForest whose
                // leaves cannot split predicts nothing) is taken to be as bad as the worst, as a pruned one is. Left
                // out, the GP learned nothing there and kept returning: 71 of 200 trials of one study failed so. A
                // trial failed as stale (its worker died) says nothing of its configuration and stays out.
                case TrialState.Failed when !Liveness.IsStale(trial):
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

        var rowConstraints = complete.Select(c => c.Constraints).ToArray();
        var hasFeasible = true;
        if (rowConstraints.Any(c => c is { Count: > 0 }))
        {
            (bestRow, hasFeasible) = BestFeasible(raw, rowConstraints);
        }

        var worst = complete.Count > 0 ? complete.Min(c => c.Value) : 0;
        for (var r = 0; r < pruned.Count; r++)
        {
            features.Encode(pruned[r], inputs.AsSpan((complete.Count + r) * d, d));
            raw[complete.Count + r] = worst;
        }

        return new GpData(inputs, count, raw, complete.Count, Rows(pending, features), pending.Count, Rows(taken, features),
            taken.Count, bestRow, d, rowConstraints, hasFeasible);
    }

    /// <summary>The best feasible row, or while no row is feasible the one of least total violation (ties to the better
    /// value), and whether it is feasible.</summary>
    private static (int Row, bool Feasible) BestFeasible(double[] values, IReadOnlyList<double>?[] constraints)
    {
        var best = -1;
        var bestViolation = double.PositiveInfinity;
        for (var r = 0; r < constraints.Length; r++)
        {
            var violation = constraints[r]?.Sum(v => v > 0 ? v : 0) ?? 0;
            if (best < 0 || violation < bestViolation || (violation == bestViolation && values[r] > values[best]))
            {
                best = r;
                bestViolation = violation;
            }
        }

        return (Math.Max(best, 0), bestViolation == 0);
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
