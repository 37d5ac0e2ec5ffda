namespace Dials.Storage;

/// <summary>
/// The trials of one study and the rules for changing them: numbers allocated in order without gaps, queued points
/// handed out first, a point set once, steps that grow, a trial finished exactly once, heartbeats only while running.
/// The in-memory storage keeps one per study; the journal storage rebuilds one by replaying its records, so both
/// enforce the same rules. Not thread-safe: callers hold their own lock.
/// </summary>
internal sealed class StudyLedger(StoredStudy study)
{
    private readonly TrialList trials = new();
    private readonly Queue<(double[] Point, string? Reason)> queue = new();
    private readonly Dictionary<int, DateTimeOffset> lastBeat = [];

    public StoredStudy Study { get; } = study;

    /// <summary>The trials as they are now, unaffected by later changes: cheap to take at any size, and cheap to copy
    /// (see <see cref="TrialList"/>).</summary>
    public IReadOnlyList<TrialRecord> Trials => trials.Freeze();

    /// <summary>How many trials there are, without taking a snapshot: a snapshot makes the next change copy a chunk,
    /// which a journal replaying a record at a time would pay on every line.</summary>
    public int TrialCount => trials.Count;

    /// <summary>Trial <paramref name="number"/> as it is now, without taking a snapshot (see <see cref="TrialCount"/>).</summary>
    public TrialRecord Trial(int number) => trials[number];

    /// <summary>The studies of <paramref name="ledgers"/> ordered by name, as <see cref="IStudyStorage.ListStudies"/> promises.</summary>
    public static IReadOnlyList<StoredStudy> Listed(IEnumerable<StudyLedger> ledgers) =>
        [.. ledgers.Select(l => l.Study).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Whether <see cref="CreateTrial"/> would create a trial now.</summary>
    public bool CanCreateTrial(int? limit, bool queuedOnly) =>
        !(limit is { } max && trials.Count >= max) && !(queuedOnly && queue.Count == 0);

    /// <summary>Whether a point is queued: the next trial created runs it.</summary>
    public bool HasQueued => queue.Count > 0;

    public void Enqueue(IReadOnlyList<double> point, string? reason) => queue.Enqueue(([.. point], reason));

    /// <summary>Creates the next trial, with the first queued point if any.</summary>
    /// <param name="start">When it starts.</param>
    /// <param name="limit">No trial is created once there are this many.</param>
    /// <param name="queuedOnly">Create one only for a queued point (<see cref="IStudyStorage.CreateQueuedTrial"/>).</param>
    /// <param name="takeQueued">False when the trial is known to have been sampled (a journal rebuilding a trial
    /// whose creation line was lost from its point line): the queue is then left as it was.</param>
    public NewTrial? CreateTrial(DateTimeOffset start, int? limit, bool queuedOnly, bool takeQueued = true)
    {
        if (!CanCreateTrial(limit, queuedOnly))
        {
            return null;
        }

        var number = trials.Count;
        var trial = new TrialRecord(number, TrialState.Running, [], null, [], start, null);
        (double[] Point, string? Reason) queued = default;
        if (takeQueued && queue.TryDequeue(out queued))
        {
            trial = trial with { Point = queued.Point, Strategy = TrialRecord.QueuedStrategy, StrategyReason = queued.Reason };
        }

        trials.Add(trial);
        lastBeat[number] = start;
        return new NewTrial(number, queued.Point, queued.Reason);
    }

    public void SetTrialPoint(int number, IReadOnlyList<double> point, string? strategy, string? strategyReason)
    {
        var trial = Running(number);
        if (trial.Point.Count > 0)
        {
            throw new InvalidOperationException($"Trial {number} of study '{Study.Name}' already has its point.");
        }

        trials[number] = trial with { Point = [.. point], Strategy = strategy, StrategyReason = strategyReason };
    }

    public void ReportIntermediate(int number, IntermediateValue value)
    {
        var trial = Running(number);
        if (trial.LastIntermediate is { } last && value.Step <= last.Step)
        {
            throw new ArgumentException(
                $"Trial {number} already reported step {last.Step}; steps must grow, so step {value.Step} cannot follow.", nameof(value));
        }

        trials[number] = trial with { Intermediate = [.. trial.Intermediate, value] };
    }

    /// <summary>Ends a running trial; false, changing nothing, when it had already finished.</summary>
    public bool FinishTrial(
        int number, TrialState state, double? value, TimeSpan duration, string? failReason,
        IReadOnlyList<double>? values = null, IReadOnlyList<ConstraintValue>? constraints = null, TimeSpan? cpuTime = null)
    {
        if (state == TrialState.Running)
        {
            throw new ArgumentException("A trial finishes as Complete, Pruned or Failed, not Running.", nameof(state));
        }

        var trial = At(number);
        if (trial.IsFinished)
        {
            return false;
        }

        // Copies, so a caller that reuses its arrays cannot change a stored trial.
        trials[number] = trial with
        {
            State = state, Value = value, Duration = duration, FailReason = failReason,
            Values = values is null ? null : [.. values], Constraints = constraints is null ? null : [.. constraints],
            CpuTime = cpuTime,
        };
        lastBeat.Remove(number);
        return true;
    }

    /// <summary>Records that a running trial's worker is alive; false when the trial is no longer running.</summary>
    public bool Heartbeat(int number, DateTimeOffset at)
    {
        if (At(number).IsFinished)
        {
            return false;
        }

        lastBeat[number] = at > lastBeat[number] ? at : lastBeat[number];
        return true;
    }

    /// <summary>Whether <see cref="FailStale"/> would fail a trial now.</summary>
    public bool HasStale(DateTimeOffset staleBefore) => lastBeat.Values.Any(beat => beat < staleBefore);

    /// <summary>Fails every running trial whose worker has given no sign of life (start or heartbeat) since
    /// <paramref name="staleBefore"/>; returns each with the duration recorded (start to last sign of life).</summary>
    public IReadOnlyList<(int Number, TimeSpan Duration)> FailStale(DateTimeOffset staleBefore, string reason)
    {
        var stale = lastBeat.Where(b => b.Value < staleBefore).OrderBy(b => b.Key)
            .Select(b => (b.Key, b.Value - trials[b.Key].Start)).ToList();
        foreach (var (number, duration) in stale)
        {
            FinishTrial(number, TrialState.Failed, null, duration, reason);
        }

        return stale;
    }

    private TrialRecord At(int number) =>
        number >= 0 && number < trials.Count
            ? trials[number]
            : throw new InvalidOperationException($"Study '{Study.Name}' has no trial {number}.");

    private TrialRecord Running(int number)
    {
        var trial = At(number);
        return trial.IsFinished
            ? throw new InvalidOperationException($"Trial {number} of study '{Study.Name}' has finished ({trial.State}).")
            : trial;
    }
}
