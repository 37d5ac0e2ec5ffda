namespace Dials.Storage;

/// <summary>
/// Keeps studies in memory behind one lock. Trial records are immutable snapshots replaced on every change, and a
/// read hands out a frozen view of them (copy on write, so a read does not copy every record), which the caller uses
/// without holding the lock.
/// </summary>
/// <remarks>Heartbeats (<see cref="IHeartbeatStorage"/>) are kept too, though a study turns them on here only when
/// asked (<see cref="StudyOptions.HeartbeatInterval"/>): trials in memory cannot outlive their process, but a trial
/// asked and never told can still be found and failed.</remarks>
public sealed class InMemoryStorage : IStudyStorage, IHeartbeatStorage, ICheckpointStorage
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StudyLedger> studies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Study, string Name), byte[]> checkpoints = [];

    /// <inheritdoc />
    public StoredStudy CreateStudy(StoredStudy study, bool loadIfExists)
    {
        ArgumentNullException.ThrowIfNull(study);
        lock (gate)
        {
            if (studies.TryGetValue(study.Name, out var existing))
            {
                return loadIfExists ? existing.Study : throw StudyExists(study.Name);
            }

            studies.Add(study.Name, new StudyLedger(study));
            return study;
        }
    }

    /// <inheritdoc />
    public void Enqueue(string studyName, IReadOnlyList<double> point, string? reason)
    {
        ArgumentNullException.ThrowIfNull(point);
        lock (gate)
        {
            Find(studyName).Enqueue(point, reason);
        }
    }

    /// <inheritdoc />
    public NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit)
    {
        lock (gate)
        {
            return Find(studyName).CreateTrial(start, limit, queuedOnly: false);
        }
    }

    /// <inheritdoc />
    public NewTrial? CreateQueuedTrial(string studyName, DateTimeOffset start, int? limit)
    {
        lock (gate)
        {
            return Find(studyName).CreateTrial(start, limit, queuedOnly: true);
        }
    }

    /// <inheritdoc />
    public NewTrial? CreateSampledTrial(string studyName, DateTimeOffset start, int? limit, TrialSampler sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        lock (gate)
        {
            // Proposed (and checked) before the trial is created, so that a refused proposal leaves nothing behind.
            var ledger = Find(studyName);
            if (!ledger.CanCreateTrial(limit, queuedOnly: false))
            {
                return null;
            }

            var proposal = ledger.HasQueued ? null : TrialSampling.Propose(sample, ledger.TrialCount, ledger.Trials);
            var created = ledger.CreateTrial(start, limit, queuedOnly: false)!;
            if (proposal is not null)
            {
                ledger.SetTrialPoint(created.Number, proposal.Point, proposal.Strategy, proposal.Reason);
            }

            return created;
        }
    }

    /// <inheritdoc />
    public void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point, string strategy, string? strategyReason)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        lock (gate)
        {
            Find(studyName).SetTrialPoint(number, point, strategy, strategyReason);
        }
    }

    /// <inheritdoc />
    public void ReportIntermediate(string studyName, int number, IntermediateValue value)
    {
        lock (gate)
        {
            Find(studyName).ReportIntermediate(number, value);
        }
    }

    /// <inheritdoc />
    public bool FinishTrial(
        string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason,
        IReadOnlyList<double>? values = null, IReadOnlyList<ConstraintValue>? constraints = null, TimeSpan? cpuTime = null)
    {
        lock (gate)
        {
            return Find(studyName).FinishTrial(number, state, value, duration, failReason, values, constraints, cpuTime);
        }
    }

    /// <inheritdoc />
    public bool Heartbeat(string studyName, int number, DateTimeOffset at)
    {
        lock (gate)
        {
            return Find(studyName).Heartbeat(number, at);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<int> FailStaleTrials(string studyName, DateTimeOffset staleBefore, string reason)
    {
        lock (gate)
        {
            return [.. Find(studyName).FailStale(staleBefore, reason).Select(s => s.Number)];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredStudy> ListStudies()
    {
        lock (gate)
        {
            return StudyLedger.Listed(studies.Values);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> ReadTrials(string studyName)
    {
        lock (gate)
        {
            return Find(studyName).Trials;
        }
    }

    /// <summary>The error for creating a study whose name is taken when loading it is not allowed.</summary>
    internal static InvalidOperationException StudyExists(string name) =>
        new($"A study named '{name}' already exists in this storage; allow loading it or choose another name.");

    /// <inheritdoc />
    public void WriteCheckpoint(string studyName, string name, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var copy = data.ToArray();
        lock (gate)
        {
            Find(studyName);
            checkpoints[(studyName, name)] = copy;
        }
    }

    /// <inheritdoc />
    public byte[]? ReadCheckpoint(string studyName, string name)
    {
        lock (gate)
        {
            return checkpoints.TryGetValue((studyName, name), out var data) ? [.. data] : null;
        }
    }

    /// <inheritdoc />
    public void DeleteCheckpoint(string studyName, string name)
    {
        lock (gate)
        {
            checkpoints.Remove((studyName, name));
        }
    }

    private StudyLedger Find(string studyName) =>
        studies.TryGetValue(studyName, out var ledger)
            ? ledger
            : throw new InvalidOperationException($"No study named '{studyName}' in this storage.");
}
