namespace Dials.Storage;

/// <summary>
/// Keeps studies in memory behind one lock. Trial records are immutable snapshots replaced on every change, so a
/// read hands out a consistent copy without holding the lock while the caller uses it.
/// </summary>
public sealed class InMemoryStorage : IStudyStorage
{
    private readonly object gate = new();
    private readonly Dictionary<string, StudyEntry> studies = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public StoredStudy CreateStudy(StoredStudy study, bool loadIfExists)
    {
        ArgumentNullException.ThrowIfNull(study);
        lock (gate)
        {
            if (studies.TryGetValue(study.Name, out var existing))
            {
                return loadIfExists
                    ? existing.Study
                    : throw new InvalidOperationException(
                        $"A study named '{study.Name}' already exists in this storage; allow loading it or choose another name.");
            }

            studies.Add(study.Name, new StudyEntry(study));
            return study;
        }
    }

    /// <inheritdoc />
    public void Enqueue(string studyName, IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        lock (gate)
        {
            Find(studyName).Queue.Enqueue([.. point]);
        }
    }

    /// <inheritdoc />
    public NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit, bool queuedOnly)
    {
        lock (gate)
        {
            var entry = Find(studyName);
            if (limit is { } max && entry.Trials.Count >= max)
            {
                return null;
            }

            entry.Queue.TryDequeue(out var queued);
            if (queued is null && queuedOnly)
            {
                return null;
            }

            var number = entry.Trials.Count;
            entry.Trials.Add(new TrialRecord(number, TrialState.Running, queued ?? [], null, [], start, null));
            return new NewTrial(number, queued);
        }
    }

    /// <inheritdoc />
    public void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        lock (gate)
        {
            var trials = Find(studyName).Trials;
            var trial = RunningTrial(studyName, trials, number);
            if (trial.Point.Count > 0)
            {
                throw new InvalidOperationException($"Trial {number} of study '{studyName}' already has its point.");
            }

            trials[number] = trial with { Point = [.. point] };
        }
    }

    /// <inheritdoc />
    public void ReportIntermediate(string studyName, int number, IntermediateValue value)
    {
        lock (gate)
        {
            var trials = Find(studyName).Trials;
            var trial = RunningTrial(studyName, trials, number);
            if (trial.LastIntermediate is { } last && value.Step <= last.Step)
            {
                throw new ArgumentException(
                    $"Trial {number} already reported step {last.Step}; steps must grow, so step {value.Step} cannot follow.",
                    nameof(value));
            }

            trials[number] = trial with { Intermediate = [.. trial.Intermediate, value] };
        }
    }

    /// <inheritdoc />
    public bool FinishTrial(string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason)
    {
        if (state == TrialState.Running)
        {
            throw new ArgumentException("A trial finishes as Complete, Pruned or Failed, not Running.", nameof(state));
        }

        lock (gate)
        {
            var entry = Find(studyName);
            var trial = TrialAt(studyName, entry.Trials, number);
            if (trial.IsFinished)
            {
                return false;
            }

            entry.Trials[number] = trial with { State = state, Value = value, Duration = duration, FailReason = failReason };
            entry.Finished++;
            return true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> ReadTrials(string studyName)
    {
        lock (gate)
        {
            return [.. Find(studyName).Trials];
        }
    }

    /// <inheritdoc />
    public int CountFinished(string studyName)
    {
        lock (gate)
        {
            return Find(studyName).Finished;
        }
    }

    private StudyEntry Find(string studyName) =>
        studies.TryGetValue(studyName, out var entry)
            ? entry
            : throw new InvalidOperationException($"No study named '{studyName}' in this storage.");

    private static TrialRecord TrialAt(string studyName, List<TrialRecord> trials, int number) =>
        number >= 0 && number < trials.Count
            ? trials[number]
            : throw new InvalidOperationException($"Study '{studyName}' has no trial {number}.");

    private static TrialRecord RunningTrial(string studyName, List<TrialRecord> trials, int number)
    {
        var trial = TrialAt(studyName, trials, number);
        return trial.IsFinished
            ? throw new InvalidOperationException($"Trial {number} of study '{studyName}' has finished ({trial.State}).")
            : trial;
    }

    private sealed class StudyEntry(StoredStudy study)
    {
        public StoredStudy Study { get; } = study;

        public List<TrialRecord> Trials { get; } = [];

        public Queue<double[]> Queue { get; } = new();

        public int Finished { get; set; }
    }
}
