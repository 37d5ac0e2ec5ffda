using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace Dials.Storage.Sql;

/// <summary>
/// The common base of the database storages (<c>SqliteStorage</c>, <c>PostgresStorage</c>): the trial rules of
/// <see cref="IStudyStorage"/> written once in SQL. Each method is one transaction, so a rule broken half-way (or a
/// connection lost half-way) leaves nothing behind.
/// </summary>
/// <remarks>
/// <para>Trial numbers come from the study row's <c>next_trial</c> counter, read and bumped inside the write
/// transaction that inserts the trial. That transaction is exclusive for the study (SQLite takes the database's write
/// lock when the transaction begins; PostgreSQL locks the study row with <c>FOR UPDATE</c>), so two workers never read
/// the same counter, the <c>limit</c> is checked against the number actually allocated (and the queue, for
/// <see cref="CreateQueuedTrial"/>, against the points actually left), and a rolled-back transaction leaves no gap.</para>
/// <para>Every transaction that changes a trial's record also bumps the study's change number and stamps it on the
/// trial, under the study row's lock (taken before any trial row's, so transactions never deadlock): a storage keeps
/// what it last read of a study and <see cref="ReadTrials(string)"/> fetches only the trials changed since, which keeps a
/// study that reads before every trial fast at 100,000 trials. Heartbeats change no record and lock only the trial's
/// row.</para>
/// <para>The tables are created on first use and carry a schema version (<see cref="SchemaVersion"/>). The version is
/// checked with a read, so opening a current database never waits for a writer. A database written by an earlier
/// version is upgraded in place, in one transaction, the first time a storage opened for writing uses it; a storage
/// opened for reading only (<see cref="IsReadOnly"/>) reads it as it stands and never creates, upgrades or changes
/// anything. A database holding a later version is refused with an <see cref="InvalidOperationException"/> rather
/// than misread.</para>
/// <para>A call that fails on a transient error (a server restarted, unreachable for a while) is retried on fresh
/// connections, the dead ones dropped from the pool, for up to the back end's reconnect timeout, then fails with an
/// <see cref="IOException"/> naming the call (the study and trial, and a result that could not be recorded), never
/// silently. Retries are idempotent: a call whose commit went through but whose acknowledgement was lost finds its own
/// work on the retry (a finished trial with the same result, a trial or queued point carrying the call's token) and
/// answers as the first attempt would have, never recording twice. Heartbeats are not retried (the next one is).</para>
/// <para>A trial's result (<see cref="FinishTrial"/>) is committed durably, on disk when the call returns; the
/// back end may let the steps before it (creating the trial, its point, reports) reach the disk with that commit
/// (SQLite does: one disk sync per trial).</para>
/// </remarks>
public abstract class SqlStudyStorage : IStudyStorage, IHeartbeatStorage, ICheckpointStorage
{
    /// <summary>The schema version this code reads and writes, kept in the <c>dials_schema_version</c> table: 5 since
    /// a study keeps every objective's direction and each trial its processor time (4: trials keep their objective values
    /// and constraint values).</summary>
    public const int SchemaVersion = 6;

    private static readonly string Running = nameof(TrialState.Running);
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private readonly ISqlDialect dialect;
    private readonly Lock schemaGate = new();
    private readonly ConcurrentDictionary<string, TrialCache> caches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> studyIds = new(StringComparer.Ordinal);

    // The schema version the queries are written for, once known to stay: the current one, or for a read-only storage
    // an earlier one as found. 0 until checked (and while a read-only storage finds no Dials tables yet).
    private volatile int schemaVersion;

    /// <summary>Binds the rules to one engine; only the back ends in this library derive.</summary>
    private protected SqlStudyStorage(ISqlDialect dialect) => this.dialect = dialect;

    /// <summary>Whether the storage was opened for reading only: it then refuses every change with an
    /// <see cref="InvalidOperationException"/>, and never creates, upgrades or writes to the database.</summary>
    public bool IsReadOnly => dialect.ReadOnly;

    /// <inheritdoc />
    public StoredStudy CreateStudy(StoredStudy study, bool loadIfExists)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Write($"creating study '{study.Name}'", (sql, retrying) =>
        {
            // ON CONFLICT rather than a look-up first: two processes creating one study at once both succeed, one of
            // them loading what the other created.
            var created = sql.Execute(
                "INSERT INTO dials_studies (name, direction, space_signature, next_trial, directions, objective_names) " +
                "VALUES (@name, @direction, @signature, 0, @directions, @names) ON CONFLICT (name) DO NOTHING",
                ("@name", study.Name), ("@direction", study.Direction.ToString()), ("@signature", study.SpaceSignature),
                ("@directions", study.IsMultiObjective ? string.Join(",", study.Directions) : null),
                ("@names", study.ObjectiveNames is { } names ? NamesJson.Write(names) : null));
            if (created == 1)
            {
                return study;
            }

            using var command = sql.Command($"SELECT {StudyColumns()} FROM dials_studies WHERE name = @name", ("@name", study.Name));
            using var reader = command.ExecuteReader();
            reader.Read();
            var stored = ReadStudy(reader);

            // A retry that finds exactly the study it asked for created it on the attempt whose answer was lost.
            return loadIfExists || (retrying && stored == study) ? stored : throw SqlStorageErrors.StudyExists(study.Name);
        });
    }

    /// <inheritdoc />
    public void WriteCheckpoint(string studyName, string name, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var bytes = data.ToArray();
        Write($"writing checkpoint '{name}' of study '{studyName}'", (sql, _) =>
            sql.Execute(
                "INSERT INTO dials_checkpoints (study_id, name, data) VALUES (@study, @name, @data) " +
                "ON CONFLICT (study_id, name) DO UPDATE SET data = excluded.data",
                ("@study", StudyId(sql, studyName)), ("@name", name), ("@data", bytes)), durable: true);
    }

    /// <inheritdoc />
    public byte[]? ReadCheckpoint(string studyName, string name) =>
        Read($"reading checkpoint '{name}' of study '{studyName}'", (sql, version) =>
            version < 5 ? null
            : sql.Scalar("SELECT data FROM dials_checkpoints WHERE study_id = @study AND name = @name",
                ("@study", StudyId(sql, studyName, version)), ("@name", name)) as byte[]);

    /// <inheritdoc />
    public void DeleteCheckpoint(string studyName, string name) =>
        Write($"deleting checkpoint '{name}' of study '{studyName}'", (sql, _) =>
            sql.Execute("DELETE FROM dials_checkpoints WHERE study_id = @study AND name = @name",
                ("@study", StudyId(sql, studyName)), ("@name", name)));

    /// <inheritdoc />
    public void Enqueue(string studyName, IReadOnlyList<double> point, string? reason)
    {
        ArgumentNullException.ThrowIfNull(point);
        var json = PointJson.Write(point);
        var token = NewToken();
        Write($"queueing a point in study '{studyName}'", (sql, retrying) =>
        {
            // The study row's lock orders enqueues against CreateTrial, so queued points come out oldest first.
            var study = FindStudy(sql, studyName, lockRow: true);
            if (retrying && sql.Scalar("SELECT 1 FROM dials_queued_points WHERE study_id = @study AND creator = @token",
                    ("@study", study.Id), ("@token", token)) is not null)
            {
                return 0;
            }

            return sql.Execute("INSERT INTO dials_queued_points (study_id, point, reason, creator) VALUES (@study, @point, @reason, @token)",
                ("@study", study.Id), ("@point", json), ("@reason", reason), ("@token", token));
        });
    }

    /// <inheritdoc />
    public NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit) => Create(studyName, start, limit, queuedOnly: false);

    /// <inheritdoc />
    public NewTrial? CreateQueuedTrial(string studyName, DateTimeOffset start, int? limit) => Create(studyName, start, limit, queuedOnly: true);

    /// <inheritdoc />
    /// <remarks>One transaction: the trial's row is inserted with its point. <paramref name="sample"/> is given the
    /// trials as committed, read in that transaction before the row, so the new trial is not among them.</remarks>
    public NewTrial? CreateSampledTrial(string studyName, DateTimeOffset start, int? limit, TrialSampler sample)
    {
        ArgumentNullException.ThrowIfNull(sample);

        // Caught up before the write lock, so that inside it only the trials changed in the meantime are read: the
        // other workers wait for less.
        ReadTrials(studyName);
        return Create(studyName, start, limit, queuedOnly: false, sample);
    }

    /// <inheritdoc />
    public void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point, string strategy, string? strategyReason)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        var json = StoredPoint(point);
        Write($"setting the point of trial {number} of study '{studyName}'", (sql, retrying) =>
        {
            var trial = LockTrial(sql, studyName, number);
            if (retrying && trial.Point == json && trial.Strategy == strategy)
            {
                return 0;
            }

            RequireRunning(trial, studyName, number);
            if (trial.Point is not null)
            {
                throw SqlStorageErrors.HasPoint(studyName, number);
            }

            return sql.Execute(
                "UPDATE dials_trials SET point = @point, strategy = @strategy, strategy_reason = @reason, change_seq = @change " +
                "WHERE study_id = @study AND number = @number",
                ("@point", json), ("@strategy", strategy), ("@reason", strategyReason), ("@change", NextChange(sql, trial.StudyId)),
                ("@study", trial.StudyId), ("@number", number));
        });
    }

    /// <inheritdoc />
    public void ReportIntermediate(string studyName, int number, IntermediateValue value) =>
        Write($"reporting step {value.Step} of trial {number} of study '{studyName}'", (sql, retrying) =>
        {
            var trial = LockTrial(sql, studyName, number);
            if (retrying && StoredStep(sql, trial.StudyId, number, value.Step) is { } stored &&
                (stored.Equals(value.Value) || (double.IsNaN(stored) && double.IsNaN(value.Value))))
            {
                return 0;
            }

            RequireRunning(trial, studyName, number);
            var last = sql.Scalar("SELECT MAX(step) FROM dials_intermediate_values WHERE study_id = @study AND number = @number",
                ("@study", trial.StudyId), ("@number", number));
            if (last is not null && value.Step <= Convert.ToInt64(last, CultureInfo.InvariantCulture))
            {
                throw SqlStorageErrors.StepNotAfter(number, Convert.ToInt64(last, CultureInfo.InvariantCulture), value.Step, nameof(value));
            }

            sql.Execute("UPDATE dials_trials SET change_seq = @change WHERE study_id = @study AND number = @number",
                ("@change", NextChange(sql, trial.StudyId)), ("@study", trial.StudyId), ("@number", number));
            return sql.Execute("INSERT INTO dials_intermediate_values (study_id, number, step, value) VALUES (@study, @number, @step, @value)",
                ("@study", trial.StudyId), ("@number", number), ("@step", value.Step), ("@value", value.Value));
        });

    /// <inheritdoc />
    /// <exception cref="IOException">The result could not be written within the reconnect timeout; the message names
    /// the study, the trial and the result.</exception>
    public bool FinishTrial(
        string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason,
        IReadOnlyList<double>? values = null, IReadOnlyList<ConstraintValue>? constraints = null, TimeSpan? cpuTime = null)
    {
        if (state == TrialState.Running)
        {
            throw SqlStorageErrors.FinishedAsRunning(nameof(state));
        }

        var result = value is { } v ? $"{state} with value {v.ToString("R", CultureInfo.InvariantCulture)}" : state.ToString();
        var storedValues = ResultJson.WriteValues(values);
        var storedConstraints = ResultJson.WriteConstraints(constraints);
        return Write($"finishing trial {number} of study '{studyName}' as {result}", (sql, retrying) =>
        {
            var trial = LockTrial(sql, studyName, number);
            if (trial.State != TrialState.Running)
            {
                // Finished with exactly this result (down to the tick of its duration): this call's own earlier attempt,
                // committed before its acknowledgement was lost. Anything else was another worker or a time limit.
                return retrying && trial.State == state && trial.Value == value && trial.DurationTicks == duration.Ticks &&
                       trial.FailReason == failReason && trial.Values == storedValues && trial.Constraints == storedConstraints;
            }

            sql.Execute(
                "UPDATE dials_trials SET state = @state, value = @value, duration_ticks = @duration, fail_reason = @reason, " +
                "objective_values = @values, constraint_values = @constraints, cpu_ticks = @cpu, change_seq = @change " +
                "WHERE study_id = @study AND number = @number",
                ("@state", state.ToString()), ("@value", value), ("@duration", duration.Ticks), ("@reason", failReason),
                ("@values", storedValues), ("@constraints", storedConstraints), ("@cpu", cpuTime?.Ticks),
                ("@change", NextChange(sql, trial.StudyId)), ("@study", trial.StudyId), ("@number", number));
            return true;
        }, durable: true);
    }

    /// <inheritdoc />
    public bool Heartbeat(string studyName, int number, DateTimeOffset at) =>
        // Not retried: a missed heartbeat costs nothing while the next one arrives in time, and a heartbeat timer must
        // not pile up calls that wait for a server.
        Write($"recording a heartbeat of trial {number} of study '{studyName}'", (sql, _) =>
        {
            // Only the trial's row: the heartbeat changes nothing a reader sees, so it takes no change number.
            var trial = LockTrial(sql, studyName, number, lockStudy: false);
            if (trial.State != TrialState.Running)
            {
                return false;
            }

            // Only ever forward: a late heartbeat from a slow thread must not make a trial look older than it is.
            sql.Execute("UPDATE dials_trials SET last_seen_utc_ticks = @at WHERE study_id = @study AND number = @number AND last_seen_utc_ticks < @at",
                ("@at", at.UtcTicks), ("@study", trial.StudyId), ("@number", number));
            return true;
        }, retry: false);

    /// <inheritdoc />
    /// <remarks>A sweep whose commit went through but whose acknowledgement was lost is retried and then finds nothing
    /// stale: the trials are failed all the same, but reported by no one.</remarks>
    public IReadOnlyList<int> FailStaleTrials(string studyName, DateTimeOffset staleBefore, string reason)
    {
        var operation = $"failing stale trials of study '{studyName}'";
        if (dialect.ReadOnly)
        {
            throw SqlStorageErrors.ReadOnly(dialect.Description, operation);
        }

        // The state is written as a literal, not a parameter: only then can SQLite and PostgreSQL use the partial index
        // of running trials.
        var quiet = $"study_id = @study AND state = '{Running}' AND last_seen_utc_ticks < @before";

        // A plain read first: a study sweeps before every trial, nearly always finds nothing, and must not take the
        // write lock for that.
        var any = Read($"looking for stale trials of study '{studyName}'", (sql, version) =>
        {
            return sql.Scalar($"SELECT 1 FROM dials_trials WHERE {quiet} LIMIT 1", ("@study", StudyId(sql, studyName, version)),
                ("@before", staleBefore.UtcTicks)) is not null;
        });
        if (!any)
        {
            return [];
        }

        return Write(operation, (sql, _) =>
        {
            // The study row's lock keeps two sweeps from locking the same trials in different orders (a deadlock).
            var study = FindStudy(sql, studyName, lockRow: true);

            // One UPDATE: it locks each row it changes and re-checks the condition against a heartbeat committed
            // meanwhile, so a trial that just proved alive is not failed. The duration ends at the last sign of life.
            using var command = sql.Command(
                "UPDATE dials_trials SET state = @failed, fail_reason = @reason, duration_ticks = last_seen_utc_ticks - start_utc_ticks, " +
                $"change_seq = @change WHERE {quiet} RETURNING number",
                ("@failed", nameof(TrialState.Failed)), ("@reason", reason), ("@change", NextChange(sql, study.Id)), ("@study", study.Id),
                ("@before", staleBefore.UtcTicks));
            using var reader = command.ExecuteReader();
            var failed = new List<int>();
            while (reader.Read())
            {
                failed.Add(reader.GetInt32(0));
            }

            failed.Sort();
            return (IReadOnlyList<int>)failed;
        });
    }

    /// <inheritdoc />
    /// <remarks>Fetches only the trials changed since this storage's last read of the study (all of them the first
    /// time), each with all its intermediate values, in one statement and hence one consistent snapshot. A read-only
    /// storage on a database of schema version 1 or 2 reads every trial every time.</remarks>
    public IReadOnlyList<TrialRecord> ReadTrials(string studyName) =>
        Read($"reading the trials of study '{studyName}'", (sql, version) => ReadTrials(sql, version, studyName));

    /// <summary>Brings this storage's copy of the study up to date on <paramref name="sql"/>'s connection: a read of its
    /// own, or the write transaction of <see cref="CreateSampledTrial"/>, which must not wait for a second connection
    /// (a small pool may be held by workers waiting for that very transaction). The copy's lock is taken after the
    /// connection, on every path, so a reader holding it never waits for a connection held by a writer waiting for
    /// it.</summary>
    private IReadOnlyList<TrialRecord> ReadTrials(SqlCommands sql, int version, string studyName)
    {
        var cache = caches.GetOrAdd(studyName, static _ => new TrialCache());
        lock (cache.Gate)
        {
            cache.StudyId ??= StudyId(sql, studyName, version);
            var incremental = version >= 3;
            if (!incremental)
            {
                cache.Clear();
            }

            using var command = sql.Command(
                "SELECT t.number, t.state, t.point, t.value, t.start_utc_ticks, t.start_offset_minutes, t.duration_ticks, t.fail_reason, " +
                (version >= 2 ? "t.strategy, t.strategy_reason, " : "NULL, NULL, ") + (incremental ? "t.change_seq, " : "0, ") +
                "i.step, i.value, " + (version >= 4 ? "t.objective_values, t.constraint_values, " : "NULL, NULL, ") +
                (version >= 5 ? "t.cpu_ticks " : "NULL ") +
                "FROM dials_trials t LEFT JOIN dials_intermediate_values i ON i.study_id = t.study_id AND i.number = t.number " +
                "WHERE t.study_id = @study" + (incremental ? " AND t.change_seq > @seen ORDER BY t.change_seq, t.number, i.step" : " ORDER BY t.number, i.step"),
                ("@study", cache.StudyId.Value), ("@seen", cache.Seen));
            using var reader = command.ExecuteReader();
            var changed = new List<(TrialRecord, long)>();
            List<IntermediateValue>? reports = null;
            while (reader.Read())
            {
                var number = reader.GetInt32(0);
                if (changed.Count == 0 || changed[^1].Item1.Number != number)
                {
                    reports = [];
                    changed.Add((ReadTrial(reader, reports), reader.GetInt64(10)));
                }

                if (!reader.IsDBNull(11))
                {
                    // SQLite stores a NaN as NULL; no other value reads back NULL here.
                    reports!.Add(new IntermediateValue(reader.GetInt64(11), reader.IsDBNull(12) ? double.NaN : reader.GetDouble(12)));
                }
            }

            // Ordered by change first, so both engines read the few changed trials through the change index rather
            // than the whole study in number order; each trial's rows are still together (one change number each).
            changed.Sort((a, b) => a.Item1.Number.CompareTo(b.Item1.Number));
            return cache.Apply(changed, studyName);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredStudy> ListStudies() =>
        Read("listing the studies", (sql, version) =>
        {
            if (version == 0)
            {
                // A read-only storage on a database without Dials tables (an empty file): it holds no study.
                return (IReadOnlyList<StoredStudy>)[];
            }

            using var command = sql.Command($"SELECT {StudyColumns(version)} FROM dials_studies ORDER BY name");
            using var reader = command.ExecuteReader();
            var studies = new List<StoredStudy>();
            while (reader.Read())
            {
                studies.Add(ReadStudy(reader));
            }

            // The database's collation may not be ordinal; the interface promises one order for every back end.
            studies.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return (IReadOnlyList<StoredStudy>)studies;
        });

    /// <summary>Both kinds of trial creation: one transaction under the study row's lock, so the limit and the queue
    /// are checked against what the allocation finds.</summary>
    /// <param name="studyName">The study.</param>
    /// <param name="start">When the trial starts.</param>
    /// <param name="limit">The budget, as for <see cref="CreateTrial"/>.</param>
    /// <param name="queuedOnly">Whether only a queued point may start a trial.</param>
    /// <param name="sample">Proposes the point of a trial that runs no queued point, in the same transaction; null to
    /// leave the point to <see cref="SetTrialPoint"/>.</param>
    private NewTrial? Create(string studyName, DateTimeOffset start, int? limit, bool queuedOnly, TrialSampler? sample = null)
    {
        var token = NewToken();
        return Write($"creating a trial in study '{studyName}'", (sql, retrying) =>
        {
            var study = FindStudy(sql, studyName, lockRow: true);
            if (retrying && CreatedBy(sql, study.Id, token) is { } earlier)
            {
                return earlier;
            }

            if (limit is { } max && study.NextTrial >= max)
            {
                return null;
            }

            var (queuedId, queued, reason) = OldestQueued(sql, study.Id);
            if (queued is null && queuedOnly)
            {
                return null;
            }

            if (queuedId is { } id)
            {
                sql.Execute("DELETE FROM dials_queued_points WHERE id = @id", ("@id", id));
            }

            // Proposed (and checked) before the trial's row is written, on this transaction's connection.
            var proposal = queued is null && sample is not null
                ? TrialSampling.Propose(sample, study.NextTrial, ReadTrials(sql, SchemaVersion, studyName))
                : null;

            var change = Convert.ToInt64(
                sql.Scalar("UPDATE dials_studies SET next_trial = next_trial + 1, change_seq = change_seq + 1 WHERE id = @study RETURNING change_seq",
                    ("@study", study.Id)),
                CultureInfo.InvariantCulture);
            var startTicks = start.UtcTicks;
            sql.Execute(
                "INSERT INTO dials_trials (study_id, number, state, point, start_utc_ticks, start_offset_minutes, last_seen_utc_ticks, " +
                "strategy, strategy_reason, change_seq, creator) " +
                "VALUES (@study, @number, @state, @point, @start, @offset, @start, @strategy, @reason, @change, @token)",
                ("@study", study.Id), ("@number", study.NextTrial), ("@state", Running),
                ("@point", StoredPoint(queued ?? proposal?.Point ?? [])), ("@start", startTicks), ("@offset", (int)start.Offset.TotalMinutes),
                ("@strategy", queued is null ? proposal?.Strategy : TrialRecord.QueuedStrategy), ("@reason", queued is null ? proposal?.Reason : reason),
                ("@change", change),
                ("@token", token));
            return new NewTrial(study.NextTrial, queued, reason);
        });
    }

    /// <summary>The columns <see cref="ReadStudy"/> reads, for a database of schema <paramref name="version"/> (every
    /// direction is kept since version 5, the objectives' names since version 6).</summary>
    private static string StudyColumns(int version = SchemaVersion) =>
        "name, direction, space_signature, " + (version >= 5 ? "directions" : "NULL") + ", " + (version >= 6 ? "objective_names" : "NULL");

    private static StoredStudy ReadStudy(DbDataReader reader) =>
        new(reader.GetString(0), Enum.Parse<Direction>(reader.GetString(1)), reader.GetString(2))
        {
            Directions = reader.IsDBNull(3) ? [] : [.. reader.GetString(3).Split(',').Select(Enum.Parse<Direction>)],
            ObjectiveNames = reader.IsDBNull(4) ? null : NamesJson.Read(reader.GetString(4)),
        };

    private static TrialRecord ReadTrial(DbDataReader reader, IReadOnlyList<IntermediateValue> reports)
    {
        var start = new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt32(5)));
        return new TrialRecord(
            reader.GetInt32(0),
            Enum.Parse<TrialState>(reader.GetString(1)),
            reader.IsDBNull(2) ? [] : PointJson.Read(reader.GetString(2)),
            reader.IsDBNull(3) ? null : reader.GetDouble(3),
            reports,
            start,
            reader.IsDBNull(6) ? null : TimeSpan.FromTicks(reader.GetInt64(6)),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.IsDBNull(13) ? null : ResultJson.ReadValues(reader.GetString(13)),
            reader.IsDBNull(14) ? null : ResultJson.ReadConstraints(reader.GetString(14)),
            reader.IsDBNull(15) ? null : TimeSpan.FromTicks(reader.GetInt64(15)));
    }

    /// <summary>A trial without a point yet is stored with NULL, so "has it a point" is one IS NULL.</summary>
    private static string? StoredPoint(IReadOnlyList<double> point) => point.Count == 0 ? null : PointJson.Write(point);

    /// <summary>A token that marks what one call writes, so a retry of that call can find it.</summary>
    private static string NewToken() => Guid.NewGuid().ToString("N");

    /// <summary>Bumps the study's change number (its row is locked by now) for the trials this transaction changes.</summary>
    private static long NextChange(SqlCommands sql, long studyId) =>
        Convert.ToInt64(sql.Scalar("UPDATE dials_studies SET change_seq = change_seq + 1 WHERE id = @study RETURNING change_seq",
            ("@study", studyId)), CultureInfo.InvariantCulture);

    /// <summary>The trial an earlier attempt of a CreateTrial call made, found by the call's token.</summary>
    private static NewTrial? CreatedBy(SqlCommands sql, long studyId, string token)
    {
        using var command = sql.Command("SELECT number, point, strategy, strategy_reason FROM dials_trials WHERE study_id = @study AND creator = @token",
            ("@study", studyId), ("@token", token));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        // A queued point is marked by its strategy; any other point is this caller's own proposal (set at creation by
        // CreateSampledTrial, or later).
        var queued = !reader.IsDBNull(2) && reader.GetString(2) == TrialRecord.QueuedStrategy;
        return new NewTrial(reader.GetInt32(0), queued ? PointJson.Read(reader.GetString(1)) : null,
            queued && !reader.IsDBNull(3) ? reader.GetString(3) : null);
    }

    /// <summary>The value stored for a step of a trial, or null when the step was never reported.</summary>
    private static double? StoredStep(SqlCommands sql, long studyId, int number, long step)
    {
        using var command = sql.Command("SELECT value FROM dials_intermediate_values WHERE study_id = @study AND number = @number AND step = @step",
            ("@study", studyId), ("@number", number), ("@step", step));
        using var reader = command.ExecuteReader();
        return !reader.Read() ? null : reader.IsDBNull(0) ? double.NaN : reader.GetDouble(0);
    }

    /// <summary>The study's id, looked up once: a study's row is never deleted, so its id never changes.</summary>
    /// <param name="sql">The commands.</param>
    /// <param name="studyName">The study.</param>
    /// <param name="version">The schema version read with: 0 (no Dials tables yet) holds no study.</param>
    private long StudyId(SqlCommands sql, string studyName, int version = SchemaVersion)
    {
        if (studyIds.TryGetValue(studyName, out var id))
        {
            return id;
        }

        return studyIds[studyName] = FindStudy(sql, studyName, lockRow: false, version).Id;
    }

    /// <summary>The study's id and trial counter; with <paramref name="lockRow"/>, locked until the transaction ends.</summary>
    /// <param name="sql">The commands.</param>
    /// <param name="studyName">The study.</param>
    /// <param name="lockRow">Whether to lock the row.</param>
    /// <param name="version">The schema version read with: 0 (no Dials tables yet) holds no study.</param>
    private (long Id, int NextTrial) FindStudy(SqlCommands sql, string studyName, bool lockRow, int version = SchemaVersion)
    {
        if (version == 0)
        {
            throw SqlStorageErrors.NoStudy(studyName);
        }

        using var command = sql.Command($"SELECT id, next_trial FROM dials_studies WHERE name = @name{(lockRow ? dialect.LockRows : "")}",
            ("@name", studyName));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt32(1)) : throw SqlStorageErrors.NoStudy(studyName);
    }

    private static (long? Id, double[]? Point, string? Reason) OldestQueued(SqlCommands sql, long studyId)
    {
        using var command = sql.Command("SELECT id, point, reason FROM dials_queued_points WHERE study_id = @study ORDER BY id LIMIT 1",
            ("@study", studyId));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetInt64(0), PointJson.Read(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2))
            : (null, null, null);
    }

    /// <summary>Reads a trial under a row lock, so the change that follows is decided on what is current. The study
    /// row is locked first (unless <paramref name="lockStudy"/> is false, for a change that takes no change number):
    /// every transaction that locks both takes them in that order, so none deadlock.</summary>
    private LockedTrial LockTrial(SqlCommands sql, string studyName, int number, bool lockStudy = true)
    {
        var study = StudyId(sql, studyName);
        if (lockStudy && dialect.LockRows.Length > 0)
        {
            sql.Scalar($"SELECT id FROM dials_studies WHERE id = @study{dialect.LockRows}", ("@study", study));
        }

        using var command = sql.Command(
            $"SELECT state, point, value, duration_ticks, fail_reason, strategy, objective_values, constraint_values FROM dials_trials WHERE study_id = @study AND number = @number{dialect.LockRows}",
            ("@study", study), ("@number", number));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new LockedTrial(
                study,
                Enum.Parse<TrialState>(reader.GetString(0)),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7))
            : throw SqlStorageErrors.NoTrial(studyName, number);
    }

    private static void RequireRunning(LockedTrial trial, string studyName, int number)
    {
        if (trial.State != TrialState.Running)
        {
            throw SqlStorageErrors.Finished(studyName, number, trial.State);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed only when it returns; told whether it
    /// is a retry after a transient error (its earlier attempt may have committed). A <paramref name="durable"/>
    /// commit reaches the disk before it returns (see <see cref="ISqlDialect.BeginWrite"/>).</summary>
    private T Write<T>(string operation, Func<SqlCommands, bool, T> work, bool retry = true, bool durable = false)
    {
        if (dialect.ReadOnly)
        {
            throw SqlStorageErrors.ReadOnly(dialect.Description, operation);
        }

        return Attempt(operation, retry, retrying =>
        {
            EnsureSchema();
            T result;
            using (var connection = dialect.Open())
            {
                using var transaction = dialect.BeginWrite(connection, durable);
                result = work(new SqlCommands(connection, transaction), retrying);
                transaction.Commit();
            }

            dialect.AfterCommit(durable);
            return result;
        });
    }

    /// <summary>Runs single-statement reads, each its own consistent snapshot, told the schema version to read.</summary>
    private T Read<T>(string operation, Func<SqlCommands, int, T> work) =>
        Attempt(operation, retry: true, _ =>
        {
            var version = EnsureSchema();
            using var connection = dialect.Open();
            return work(new SqlCommands(connection, null), version);
        });

    /// <summary>Runs one attempt after another while they fail on transient errors, for up to the dialect's reconnect
    /// timeout, dropping the pooled connections after each; any other error is translated and thrown at once.</summary>
    private T Attempt<T>(string operation, bool retry, Func<bool, T> attempt)
    {
        var waited = Stopwatch.StartNew();
        var pause = FirstPause;
        for (var retrying = false; ; retrying = true)
        {
            try
            {
                return attempt(retrying);
            }
            catch (Exception error) when (dialect.IsTransient(error))
            {
                // The connections pooled before the failure are likely dead too (a restarted server ended them all).
                dialect.ClearConnections();
                if (!retry || waited.Elapsed + pause > dialect.RetryFor)
                {
                    var clear = dialect.Translate(error, operation) ?? error;
                    throw retrying ? SqlStorageErrors.GaveUp(clear, waited.Elapsed, error) : clear;
                }

                Thread.Sleep(pause);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
            catch (Exception error) when (dialect.Translate(error, operation) is { } clear)
            {
                throw clear;
            }
        }
    }

    /// <summary>The schema version to read with: <see cref="SchemaVersion"/> once the database holds it (created or
    /// upgraded first by a storage opened for writing); for a read-only storage the version found, or 0 when the
    /// database holds no Dials tables. Checked with a plain read, so a current database never waits for a writer.</summary>
    private int EnsureSchema()
    {
        if (schemaVersion != 0)
        {
            return schemaVersion;
        }

        lock (schemaGate)
        {
            if (schemaVersion != 0)
            {
                return schemaVersion;
            }

            var found = ReadVersion();
            if (found is { } version && version != SchemaVersion)
            {
                if (version > SchemaVersion)
                {
                    throw SqlStorageErrors.UnknownSchema(dialect.Description, version, SchemaVersion);
                }

                if (SqlSchema.UpgradeFrom(version, dialect.ColumnTypes) is null)
                {
                    throw SqlStorageErrors.UnwrittenSchema(dialect.Description, version);
                }
            }

            if (dialect.ReadOnly)
            {
                // Not remembered while there are no tables: a writer may create them later, and this storage then reads them.
                schemaVersion = found ?? 0;
                return found ?? 0;
            }

            if (found != SchemaVersion)
            {
                CreateOrUpgrade();
            }

            schemaVersion = SchemaVersion;
            return SchemaVersion;
        }
    }

    /// <summary>The version in <c>dials_schema_version</c>, or null when there is no such table or it is empty; two
    /// plain reads, no transaction and no lock.</summary>
    private int? ReadVersion()
    {
        using var connection = dialect.Open();
        var sql = new SqlCommands(connection, null);
        if (Convert.ToInt64(sql.Scalar(dialect.VersionTableExists), CultureInfo.InvariantCulture) != 1)
        {
            return null;
        }

        return sql.Scalar("SELECT MAX(version) FROM dials_schema_version") is { } version
            ? Convert.ToInt32(version, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Creates the schema, or upgrades an earlier one, in one write transaction that checks again what it
    /// finds: another process may have done it meanwhile.</summary>
    private void CreateOrUpgrade()
    {
        using var connection = dialect.Open();
        dialect.Prepare(connection);
        using var transaction = dialect.BeginWrite(connection, durable: true);
        dialect.GuardSchema(connection, transaction);
        var sql = new SqlCommands(connection, transaction);
        // Looked up rather than CREATE TABLE IF NOT EXISTS: a worker allowed to read and write the tables but not to
        // create any still opens a database set up by someone who may.
        var exists = Convert.ToInt64(sql.Scalar(dialect.VersionTableExists), CultureInfo.InvariantCulture) == 1;
        var found = exists ? sql.Scalar("SELECT MAX(version) FROM dials_schema_version") : null;
        if (found is null)
        {
            if (!exists)
            {
                sql.Execute("CREATE TABLE dials_schema_version (version INTEGER NOT NULL)");
            }

            foreach (var statement in SqlSchema.Create(dialect.ColumnTypes))
            {
                sql.Execute(statement);
            }

            sql.Execute("INSERT INTO dials_schema_version (version) VALUES (@version)", ("@version", SchemaVersion));
        }
        else if (Convert.ToInt32(found, CultureInfo.InvariantCulture) is var version && version != SchemaVersion)
        {
            Upgrade(sql, version);
        }

        transaction.Commit();
        dialect.AfterCommit(durable: true);
    }

    /// <summary>Brings a database written by an earlier schema up to <see cref="SchemaVersion"/>, inside the schema
    /// transaction: concurrent openers wait for it and then find the new version, and a failed step leaves the old
    /// version whole.</summary>
    private void Upgrade(SqlCommands sql, int found)
    {
        if (found > SchemaVersion)
        {
            throw SqlStorageErrors.UnknownSchema(dialect.Description, found, SchemaVersion);
        }

        for (var version = found; version < SchemaVersion; version++)
        {
            var steps = SqlSchema.UpgradeFrom(version, dialect.ColumnTypes) ?? throw SqlStorageErrors.UnwrittenSchema(dialect.Description, found);
            foreach (var statement in steps)
            {
                try
                {
                    sql.Execute(statement);
                }
                catch (DbException error) when (dialect.Translate(error, "upgrading the storage schema") is null && !dialect.IsTransient(error))
                {
                    // Typically a worker allowed to use the tables but not to alter them: say what it takes.
                    throw SqlStorageErrors.UpgradeFailed(dialect.Description, found, SchemaVersion, error);
                }
            }
        }

        sql.Execute("UPDATE dials_schema_version SET version = @version", ("@version", SchemaVersion));
    }

    /// <summary>A trial as a change to it is decided on.</summary>
    private sealed record LockedTrial(
        long StudyId, TrialState State, string? Point, double? Value, long? DurationTicks, string? FailReason, string? Strategy,
        string? Values, string? Constraints);
}
