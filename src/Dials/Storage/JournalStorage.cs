using Dials.Samplers;
using Dials.Storage.Journal;

namespace Dials.Storage;

/// <summary>
/// A study storage in an append-only journal file: every operation is one JSON line, appended under an
/// inter-process lock after replaying what other processes appended, so several workers on one machine share one
/// study. Finished trials are fsynced before they are acknowledged; a torn last line is skipped with a warning.
/// </summary>
/// <remarks>
/// <para>Replaying goes through the same rules as the in-memory storage (a <see cref="StudyLedger"/> per study), so an
/// operation that would break them is refused before anything is written.</para>
/// <para>Every line names its trial by number, so a line that cannot be read (a bad disk sector, a hand edit) costs
/// only its own fact: see <see cref="Damage"/> for what is lost and how a trial whose creation line was lost is
/// rebuilt. A study whose study record cannot be read is an <see cref="InvalidDataException"/> naming the file and
/// the line, never a new study started beside its old trials. A UTF-8 byte-order mark is accepted.</para>
/// <para>Only another worker holding the journal's lock makes a write wait; a lasting fault (a read-only file system,
/// no free inode, a name over the length limit) fails the write at once with an <see cref="IOException"/> naming the
/// file and the operating system's error.</para>
/// </remarks>
public sealed class JournalStorage : IStudyStorage, IHeartbeatStorage, ICheckpointStorage, IDisposable
{
    private readonly object sync = new();
    private readonly string path;
    private readonly Action<string> warn;
    private readonly System.Buffers.ArrayBufferWriter<byte> lines = new();
    private JournalFile file;
    private JournalReplay replay;

    /// <summary>Opens (or creates) the journal at <paramref name="path"/>.</summary>
    /// <param name="path">The journal file; its folder is created when missing.</param>
    /// <param name="onWarning">Receives warnings (torn or unreadable lines); standard error by default.</param>
    public JournalStorage(string path, Action<string>? onWarning = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = path;
        warn = onWarning ?? (message => Console.Error.WriteLine("warning: " + message));
        file = new JournalFile(path, warn);
        replay = new JournalReplay(file.FilePath, warn);
    }

    /// <summary>The journal's full path.</summary>
    public string FilePath => file.FilePath;

    /// <summary>
    /// What the journal has lost, as read so far (it catches up with the file first): each unreadable line, each line
    /// that does not fit its study, each trial rebuilt without its creation line, each completed trial whose point line
    /// was lost. Every entry was also passed to the warning callback when it was found. Empty for a sound journal.
    /// </summary>
    /// <remarks>A trial whose creation line was lost is rebuilt under its own number from its later lines, with the
    /// previous trial's start time; a completed trial whose point line was lost keeps its value but cannot be the best;
    /// no later trial shifts.</remarks>
    public IReadOnlyList<JournalDamage> Damage
    {
        get
        {
            lock (sync)
            {
                file.ReadNew(replay.Line);
                return [.. replay.Damage];
            }
        }
    }

    /// <inheritdoc />
    public StoredStudy CreateStudy(StoredStudy study, bool loadIfExists)
    {
        ArgumentNullException.ThrowIfNull(study);
        StoredStudy? existing = null;
        Write(durable: true, () =>
        {
            if (replay.Studies.TryGetValue(study.Name, out var ledger))
            {
                existing = loadIfExists ? ledger.Study : throw InMemoryStorage.StudyExists(study.Name);
                return null;
            }

            replay.CheckCanCreate(study.Name);

            var record = JournalRecord.For(study);
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
    public NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit) => Create(studyName, start, limit, queuedOnly: false);

    /// <inheritdoc />
    public NewTrial? CreateQueuedTrial(string studyName, DateTimeOffset start, int? limit) => Create(studyName, start, limit, queuedOnly: true);

    /// <inheritdoc />
    /// <remarks>The creation and point lines are appended together, in one write under the lock.</remarks>
    public NewTrial? CreateSampledTrial(string studyName, DateTimeOffset start, int? limit, TrialSampler sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return Create(studyName, start, limit, queuedOnly: false, sample);
    }

    /// <inheritdoc />
    public void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point, string strategy, string? strategyReason)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        Write(durable: false, () => Checked(studyName, Point(studyName, number, point, strategy, strategyReason)));
    }

    /// <inheritdoc />
    public void ReportIntermediate(string studyName, int number, IntermediateValue value) =>
        Write(durable: false, () => Checked(studyName,
            new JournalRecord { Op = JournalRecord.Report, Study = studyName, Number = number, Step = value.Step, Value = value.Value }));

    /// <inheritdoc />
    public bool FinishTrial(
        string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason,
        IReadOnlyList<double>? values = null, IReadOnlyList<ConstraintValue>? constraints = null, TimeSpan? cpuTime = null)
    {
        var finished = false;
        Write(durable: true, () =>
        {
            var record = Finish(studyName, number, state, value, duration, failReason) with
            {
                Values = values is null ? null : [.. values],
                Constraints = constraints?.Select(c => new JournalConstraint { Name = c.Name, Value = c.Value }).ToArray(),
                CpuTicks = cpuTime?.Ticks,
            };
            finished = Find(studyName).FinishTrial(number, state, value, duration, failReason, values, constraints, cpuTime);
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
        lock (sync)
        {
            // Asked before every trial: with nothing stale in what the file says now, there is nothing to decide under
            // the lock (later lines only add signs of life), so workers do not queue for it.
            file.ReadNew(replay.Line);
            if (!Find(studyName).HasStale(staleBefore))
            {
                return [];
            }
        }

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
            file.ReadNew(replay.Line);
            return StudyLedger.Listed(replay.Studies.Values);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> ReadTrials(string studyName)
    {
        lock (sync)
        {
            file.ReadNew(replay.Line);
            // The ledger's snapshot shares its chunks of trials: frozen, so no copy is needed.
            return Find(studyName).Trials;
        }
    }

    /// <summary>Every kind of trial creation is one record: replaying it hands out the oldest queued point, if any, as
    /// the writer did, so the journal need not say which kind was asked. A sampled trial's point line follows it in the
    /// same write.</summary>
    /// <param name="studyName">The study.</param>
    /// <param name="start">When the trial starts.</param>
    /// <param name="limit">The budget, as for <see cref="CreateTrial"/>.</param>
    /// <param name="queuedOnly">Whether only a queued point may start a trial.</param>
    /// <param name="sample">Proposes the point of a trial that runs no queued point, whose line is then appended with the
    /// creation line in one write; null to leave the point to <see cref="SetTrialPoint"/>.</param>
    private NewTrial? Create(string studyName, DateTimeOffset start, int? limit, bool queuedOnly, TrialSampler? sample = null)
    {
        NewTrial? created = null;
        WriteMany(() =>
        {
            var ledger = Find(studyName);
            if (!ledger.CanCreateTrial(limit, queuedOnly))
            {
                return [];
            }

            // Proposed (and checked) before any record is applied, so that a refused proposal leaves nothing behind.
            var proposal = sample is null || ledger.HasQueued ? null : TrialSampling.Propose(sample, ledger.TrialCount, ledger.Trials);
            var create = new JournalRecord { Op = JournalRecord.CreateTrial, Study = studyName, Number = ledger.TrialCount, At = start };
            created = Apply(create);
            if (proposal is null)
            {
                return [create];
            }

            var point = Point(studyName, created!.Number, proposal.Point, proposal.Strategy, proposal.Reason);
            Apply(point);
            return [create, point];
        }, durable: false);
        return created;
    }

    private static JournalRecord Point(string studyName, int number, IReadOnlyList<double> point, string strategy, string? reason) =>
        new() { Op = JournalRecord.SetPoint, Study = studyName, Number = number, Point = [.. point], Strategy = strategy, Reason = reason };

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
    /// Under the journal's lock: catch up with other writers, decide (and apply) the records, append them; then, with
    /// every lock released, sync them to disk when <paramref name="durable"/>, so that the syncs of this process's
    /// threads overlap as those of separate processes do. If the append or the sync fails the ledgers may be ahead of
    /// the file, so they are rebuilt from the file on the next call.
    /// </summary>
    private void WriteMany(Func<IReadOnlyList<JournalRecord>> decide, bool durable = true)
    {
        DiskSync? pending;
        lock (sync)
        {
            try
            {
                // Catch up before taking the lock, so that under it only the lines appended in the meantime are read:
                // the other workers wait for less.
                file.ReadNew(replay.Line);
                pending = file.Append(replay.Line, () => Lines(decide()), durable);
            }
            catch (IOException)
            {
                Reset();
                throw;
            }
        }

        try
        {
            pending?.Complete();
        }
        catch (IOException)
        {
            lock (sync)
            {
                Reset();
            }

            throw;
        }
    }

    /// <summary>The records as journal lines, in one buffer (reused by this object's next write).</summary>
    private ReadOnlyMemory<byte> Lines(IReadOnlyList<JournalRecord> records)
    {
        lines.ResetWrittenCount();
        foreach (var record in records)
        {
            JournalCodec.Write(record, lines);
        }

        return lines.WrittenMemory;
    }

    /// <summary>Closes the journal's file handle; a later call opens it again.</summary>
    public void Dispose()
    {
        lock (sync)
        {
            file.Dispose();
        }
    }

    private void Reset()
    {
        file.Dispose();
        file = new JournalFile(path, warn);
        replay = new JournalReplay(file.FilePath, warn);
    }

    /// <summary>Applies a record this process is about to write (a replayed line goes through
    /// <see cref="JournalReplay"/> instead): a record that breaks a rule throws.</summary>
    private NewTrial? Apply(JournalRecord record)
    {
        if (record.Op == JournalRecord.CreateStudy)
        {
            replay.Studies.TryAdd(record.Study, new StudyLedger(record.ToStoredStudy()));
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
                    TimeSpan.FromTicks(record.DurationTicks ?? 0), record.Reason, record.Values, record.ConstraintValues(), record.CpuTime);
                break;
            case JournalRecord.Heartbeat:
                ledger.Heartbeat(record.Number ?? -1, record.At ?? default);
                break;
            default:
                throw new InvalidOperationException($"unknown operation '{record.Op}'");
        }

        return null;
    }

    /// <inheritdoc />
    /// <remarks>Checkpoints are files in a folder beside the journal, <c>JOURNAL.checkpoints/STUDY/NAME</c> (the study's
    /// name escaped as in a URL), each written with <see cref="AtomicFile.WriteAllBytesDurably"/>.</remarks>
    public void WriteCheckpoint(string studyName, string name, ReadOnlySpan<byte> data)
    {
        // The study must exist (read up to date first, as a read of its trials would).
        ReadTrials(studyName);
        AtomicFile.WriteAllBytesDurably(CheckpointPath(studyName, name), data);
    }

    /// <inheritdoc />
    public byte[]? ReadCheckpoint(string studyName, string name)
    {
        var path = CheckpointPath(studyName, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <inheritdoc />
    public void DeleteCheckpoint(string studyName, string name) => File.Delete(CheckpointPath(studyName, name));

    private string CheckpointPath(string studyName, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Path.Combine(FilePath + ".checkpoints", Uri.EscapeDataString(studyName), Uri.EscapeDataString(name));
    }

    private StudyLedger Find(string studyName) => replay.Find(studyName);
}
