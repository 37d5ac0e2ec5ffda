using System.Text.Json;

namespace Dials.Storage.Journal;

/// <summary>
/// A study storage in an append-only journal file: every operation is one JSON line, appended under an
/// inter-process lock after replaying what other processes appended, so several workers on one machine share one
/// study. Finished trials are fsynced before they are acknowledged; a torn last line is skipped with a warning.
/// </summary>
/// <remarks>
/// Replaying goes through the same rules as the in-memory storage (a <see cref="StudyLedger"/> per study), so an
/// operation that would break them is refused before anything is written.
/// </remarks>
public sealed class JournalStorage : IStudyStorage
{
    private readonly object sync = new();
    private readonly string path;
    private readonly Action<string> warn;
    private JournalFile file;
    private Dictionary<string, StudyLedger> studies = new(StringComparer.Ordinal);

    /// <summary>Opens (or creates) the journal at <paramref name="path"/>.</summary>
    /// <param name="path">The journal file; its folder is created when missing.</param>
    /// <param name="onWarning">Receives warnings (torn or unreadable lines); standard error by default.</param>
    public JournalStorage(string path, Action<string>? onWarning = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = path;
        warn = onWarning ?? (message => Console.Error.WriteLine("warning: " + message));
        file = new JournalFile(path, warn);
    }

    /// <summary>The journal's full path.</summary>
    public string FilePath => file.FilePath;

    /// <inheritdoc />
    public StoredStudy CreateStudy(StoredStudy study, bool loadIfExists)
    {
        ArgumentNullException.ThrowIfNull(study);
        StoredStudy? existing = null;
        Write(durable: true, () =>
        {
            if (studies.TryGetValue(study.Name, out var ledger))
            {
                existing = loadIfExists ? ledger.Study : throw InMemoryStorage.StudyExists(study.Name);
                return null;
            }

            var record = new JournalRecord { Op = JournalRecord.CreateStudy, Study = study.Name, Direction = study.Direction, Signature = study.SpaceSignature };
            Apply(record);
            return record;
        });
        return existing ?? study;
    }

    /// <inheritdoc />
    public void Enqueue(string studyName, IReadOnlyList<double> point, string? reason)
    {
        ArgumentNullException.ThrowIfNull(point);
        Write(durable: true, () => Checked(studyName,
            new JournalRecord { Op = JournalRecord.Enqueue, Study = studyName, Point = [.. point], Reason = reason }));
    }

    /// <inheritdoc />
    public NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit, bool queuedOnly)
    {
        NewTrial? created = null;
        Write(durable: false, () =>
        {
            var ledger = Find(studyName);
            if (!ledger.CanCreateTrial(limit, queuedOnly))
            {
                return null;
            }

            var record = new JournalRecord { Op = JournalRecord.CreateTrial, Study = studyName, Number = ledger.Trials.Count, At = start };
            created = Apply(record);
            return record;
        });
        return created;
    }

    /// <inheritdoc />
    public void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point, string strategy, string? strategyReason)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        Write(durable: false, () => Checked(studyName, new JournalRecord
        {
            Op = JournalRecord.SetPoint, Study = studyName, Number = number, Point = [.. point], Strategy = strategy, Reason = strategyReason,
        }));
    }

    /// <inheritdoc />
    public void ReportIntermediate(string studyName, int number, IntermediateValue value) =>
        Write(durable: false, () => Checked(studyName,
            new JournalRecord { Op = JournalRecord.Report, Study = studyName, Number = number, Step = value.Step, Value = value.Value }));

    /// <inheritdoc />
    public bool FinishTrial(string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason)
    {
        var finished = false;
        Write(durable: true, () =>
        {
            var record = Finish(studyName, number, state, value, duration, failReason);
            finished = Find(studyName).FinishTrial(number, state, value, duration, failReason);
            return finished ? record : null;
        });
        return finished;
    }

    /// <inheritdoc />
    public bool Heartbeat(string studyName, int number, DateTimeOffset at)
    {
        var running = false;
        Write(durable: false, () =>
        {
            running = Find(studyName).Heartbeat(number, at);
            return running ? new JournalRecord { Op = JournalRecord.Heartbeat, Study = studyName, Number = number, At = at } : null;
        });
        return running;
    }

    /// <inheritdoc />
    public IReadOnlyList<int> FailStaleTrials(string studyName, DateTimeOffset staleBefore, string reason)
    {
        var failed = new List<int>();
        WriteMany(() =>
        {
            var stale = Find(studyName).FailStale(staleBefore, reason);
            failed.AddRange(stale.Select(s => s.Number));
            return [.. stale.Select(s => Finish(studyName, s.Number, TrialState.Failed, null, s.Duration, reason))];
        });
        return failed;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredStudy> ListStudies()
    {
        lock (sync)
        {
            Replay(file.ReadNew());
            return StudyLedger.Listed(studies.Values);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> ReadTrials(string studyName)
    {
        lock (sync)
        {
            Replay(file.ReadNew());
            return [.. Find(studyName).Trials];
        }
    }

    /// <inheritdoc />
    public int CountFinished(string studyName)
    {
        lock (sync)
        {
            Replay(file.ReadNew());
            return Find(studyName).Finished;
        }
    }

    private static JournalRecord Finish(string studyName, int number, TrialState state, double? value, TimeSpan duration, string? reason) =>
        new() { Op = JournalRecord.Finish, Study = studyName, Number = number, State = state, Value = value, DurationTicks = duration.Ticks, Reason = reason };

    /// <summary>Applies a record to the ledgers now, so that a record that breaks a rule throws before it is written.</summary>
    private JournalRecord Checked(string studyName, JournalRecord record)
    {
        Find(studyName);
        Apply(record);
        return record;
    }

    /// <summary>Writes the one record <paramref name="decide"/> returns, which it has already applied (or none).</summary>
    private void Write(bool durable, Func<JournalRecord?> decide) =>
        WriteMany(() => decide() is { } record ? [record] : [], durable);

    /// <summary>
    /// Under the journal's lock: catch up with other writers, decide (and apply) the records, append them. If the
    /// append fails the ledgers may be ahead of the file, so they are rebuilt from the file on the next call.
    /// </summary>
    private void WriteMany(Func<IReadOnlyList<JournalRecord>> decide, bool durable = true)
    {
        lock (sync)
        {
            try
            {
                file.Transact(lines =>
                {
                    Replay(lines);
                    return [.. decide().Select(r => JsonSerializer.Serialize(r, JournalJson.Default.JournalRecord))];
                }, durable);
            }
            catch (IOException)
            {
                Reset();
                throw;
            }
        }
    }

    private void Reset()
    {
        file = new JournalFile(path, warn);
        studies = new Dictionary<string, StudyLedger>(StringComparer.Ordinal);
    }

    private void Replay(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            JournalRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(line, JournalJson.Default.JournalRecord);
            }
            catch (JsonException error)
            {
                warn($"Journal '{file.FilePath}': skipped an unreadable record ({error.Message}).");
                continue;
            }

            try
            {
                if (record is not null)
                {
                    Apply(record);
                }
            }
            catch (Exception error) when (error is InvalidOperationException or ArgumentException)
            {
                warn($"Journal '{file.FilePath}': skipped a record that does not fit the study ({error.Message}).");
            }
        }
    }

    private NewTrial? Apply(JournalRecord record)
    {
        if (record.Op == JournalRecord.CreateStudy)
        {
            studies.TryAdd(record.Study, new StudyLedger(new StoredStudy(record.Study, record.Direction ?? Direction.Minimize, record.Signature ?? "")));
            return null;
        }

        var ledger = Find(record.Study);
        switch (record.Op)
        {
            case JournalRecord.Enqueue:
                ledger.Enqueue(record.Point ?? [], record.Reason);
                break;
            case JournalRecord.CreateTrial:
                return ledger.CreateTrial(record.At ?? default, null, false);
            case JournalRecord.SetPoint:
                ledger.SetTrialPoint(record.Number ?? -1, record.Point ?? [], record.Strategy, record.Reason);
                break;
            case JournalRecord.Report:
                ledger.ReportIntermediate(record.Number ?? -1, new IntermediateValue(record.Step ?? 0, record.Value ?? double.NaN));
                break;
            case JournalRecord.Finish:
                ledger.FinishTrial(record.Number ?? -1, record.State ?? TrialState.Failed, record.Value,
                    TimeSpan.FromTicks(record.DurationTicks ?? 0), record.Reason);
                break;
            case JournalRecord.Heartbeat:
                ledger.Heartbeat(record.Number ?? -1, record.At ?? default);
                break;
            default:
                throw new InvalidOperationException($"unknown operation '{record.Op}'");
        }

        return null;
    }

    private StudyLedger Find(string studyName) =>
        studies.TryGetValue(studyName, out var ledger)
            ? ledger
            : throw new InvalidOperationException($"No study named '{studyName}' in journal '{file.FilePath}'.");
}
