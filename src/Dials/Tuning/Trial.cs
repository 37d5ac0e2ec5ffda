namespace Dials;

/// <summary>
/// One evaluation of the objective at one point of the search space, as the objective sees it while it runs: its
/// number and parameters, and the means to report progress and to ask whether to stop early.
/// </summary>
/// <remarks>A trial is safe to use from the objective's threads. Once it has finished (told, pruned, failed, timed
/// out) it refuses further reports.</remarks>
public abstract class Trial
{
    private readonly ITrialHost host;
    private readonly object gate = new();
    private readonly List<IntermediateValue> intermediate = [];
    private readonly List<ConstraintValue> constraints = [];
    private int finished;

    private protected Trial(ITrialHost host, int number, double[] point, IReadOnlyDictionary<string, object> parameters,
        DateTimeOffset start, string strategy, string? strategyReason)
    {
        this.host = host;
        Number = number;
        Point = point;
        Parameters = parameters;
        Start = start;
        Strategy = strategy;
        StrategyReason = strategyReason;
    }

    /// <summary>The trial's number in its study, from 0, allocated by the study's storage.</summary>
    public int Number { get; }

    /// <summary>The trial's parameters as internal values, one per dimension, NaN where inactive.</summary>
    public IReadOnlyList<double> Point { get; }

    /// <summary>The active parameters by dimension name (choices, <see cref="long"/>s and <see cref="double"/>s).</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; }

    /// <summary>When the trial was asked for.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The strategy that proposed the trial's point, as its record keeps it (see <see cref="TrialRecord.Strategy"/>).</summary>
    public string Strategy { get; }

    /// <summary>Why that strategy proposed it; null when there is nothing to add.</summary>
    public string? StrategyReason { get; }

    /// <summary>Whether the trial has been told (or ended by a time limit or cancellation).</summary>
    public bool IsFinished => Volatile.Read(ref finished) != 0;

    /// <summary>The values reported so far, in step order.</summary>
    public IReadOnlyList<IntermediateValue> Intermediate
    {
        get
        {
            lock (gate)
            {
                return [.. intermediate];
            }
        }
    }

    /// <summary>Whether the study's pruner judges the trial unpromising now, from the values reported so far and
    /// the other trials'. The objective should then stop and throw <see cref="TrialPrunedException"/>.</summary>
    public bool ShouldPrune => !IsFinished && host.ShouldPrune(this);

    /// <summary>Records the objective's value part-way, at <paramref name="step"/> (an epoch, a number of boosting
    /// rounds); pruners compare trials by these.</summary>
    /// <param name="step">The step; it must be larger than every step reported before.</param>
    /// <param name="value">The objective's value at that step.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not after the last reported step.</exception>
    /// <exception cref="InvalidOperationException">The trial has finished.</exception>
    public void Report(long step, double value)
    {
        lock (gate)
        {
            if (IsFinished)
            {
                throw new InvalidOperationException($"Trial {Number} has finished; it can no longer report values.");
            }

            if (intermediate.Count > 0 && step <= intermediate[^1].Step)
            {
                throw new ArgumentOutOfRangeException(nameof(step), step,
                    $"Trial {Number} already reported step {intermediate[^1].Step}; each report needs a larger step.");
            }

            var reported = new IntermediateValue(step, value);
            host.Report(this, reported);
            intermediate.Add(reported);
        }
    }

    /// <summary>The constraint values set so far (<see cref="SetConstraint"/>), in the order first set.</summary>
    public IReadOnlyList<ConstraintValue> Constraints
    {
        get
        {
            lock (gate)
            {
                return [.. constraints];
            }
        }
    }

    /// <summary>Records a constraint of the trial, kept with it when it finishes: the trial is feasible when every
    /// constraint value is at most 0 (for "latency at most 5 ms", set <c>latency - 5</c>). An infeasible trial is never
    /// a study's <see cref="StudyResult{T}.Best"/> nor on its <see cref="StudyResult{T}.ParetoFront"/>. Setting a
    /// name again replaces its value.</summary>
    /// <param name="name">The constraint's name (for example <c>latency</c>).</param>
    /// <param name="value">At most 0 when satisfied, the excess otherwise; finite or infinite, not NaN.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, or <paramref name="value"/> is NaN.</exception>
    /// <exception cref="InvalidOperationException">The trial has finished.</exception>
    public void SetConstraint(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (double.IsNaN(value))
        {
            throw new ArgumentException($"Constraint '{name}' of trial {Number} is NaN; a constraint needs a value (at most 0 when satisfied).", nameof(value));
        }

        lock (gate)
        {
            if (IsFinished)
            {
                throw new InvalidOperationException($"Trial {Number} has finished; it can no longer set constraints.");
            }

            var index = constraints.FindIndex(c => c.Name == name);
            if (index >= 0)
            {
                constraints[index] = new ConstraintValue(name, value);
            }
            else
            {
                constraints.Add(new ConstraintValue(name, value));
            }
        }
    }

    /// <summary>The constraints to store with the trial; null when none were set, so that trials without constraints
    /// are stored as before.</summary>
    internal IReadOnlyList<ConstraintValue>? ConstraintsToStore()
    {
        lock (gate)
        {
            return constraints.Count == 0 ? null : [.. constraints];
        }
    }

    /// <summary>Marks the trial finished; true only for the first call.</summary>
    internal bool MarkFinished() => Interlocked.Exchange(ref finished, 1) == 0;

    /// <summary>Whether <paramref name="owner"/> is the study this trial belongs to.</summary>
    internal bool BelongsTo(ITrialHost owner) => ReferenceEquals(host, owner);
}
