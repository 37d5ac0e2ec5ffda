using System.Data.Common;
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
/// the same counter, the <c>limit</c> is checked against the number actually allocated, and a rolled-back transaction
/// leaves no gap.</para>
/// <para>Trial-level changes lock only the trial's row, so heartbeats and reports of different trials do not wait for
/// each other on PostgreSQL.</para>
/// <para>The tables are created on first use and carry a schema version (<see cref="SchemaVersion"/>). A database
/// written by an earlier version is upgraded in place, in one transaction, the first time it is opened; one holding a
/// later version is refused with an <see cref="InvalidOperationException"/> rather than misread.</para>
/// </remarks>
public abstract class SqlStudyStorage : IStudyStorage
{
    /// <summary>The schema version this code reads and writes, kept in the <c>dials_schema_version</c> table: 2 since
    /// trials record the strategy that chose them.</summary>
    public const int SchemaVersion = 2;

    private static readonly string Running = nameof(TrialState.Running);
    private readonly ISqlDialect dialect;
    private readonly Lock schemaGate = new();
    private volatile bool schemaReady;

    /// <summary>Binds the rules to one engine; only the back ends in this library derive.</summary>
    private protected SqlStudyStorage(ISqlDialect dialect) => this.dialect = dialect;

    /// <inheritdoc />
    public StoredStudy CreateStudy(StoredStudy study, bool loadIfExists)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Write($"creating study '{study.Name}'", sql =>
        {
            // ON CONFLICT rather than a look-up first: two processes creating one study at once both succeed, one of
            // them loading what the other created.
            var created = sql.Execute(
                "INSERT INTO dials_studies (name, direction, space_signature, next_trial) VALUES (@name, @direction, @signature, 0) " +
                "ON CONFLICT (name) DO NOTHING",
                ("@name", study.Name), ("@direction", study.Direction.ToString()), ("@signature", study.SpaceSignature));
            if (created == 1)
            {
                return study;
            }

            if (!loadIfExists)
            {
                throw SqlStorageErrors.StudyExists(study.Name);
            }

            using var command = sql.Command("SELECT direction, space_signature FROM dials_studies WHERE name = @name", ("@name", study.Name));
            using var reader = command.ExecuteReader();
            reader.Read();
            return new StoredStudy(study.Name, Enum.Parse<Direction>(reader.GetString(0)), reader.GetString(1));
        });
    }

    /// <inheritdoc />
    public void Enqueue(string studyName, IReadOnlyList<double> point, string? reason)
    {
        ArgumentNullException.ThrowIfNull(point);
        var json = PointJson.Write(point);
        Write($"queueing a point in study '{studyName}'", sql =>
        {
            // The study row's lock orders enqueues against CreateTrial, so queued points come out oldest first.
            var study = FindStudy(sql, studyName, lockRow: true);
            return sql.Execute("INSERT INTO dials_queued_points (study_id, point, reason) VALUES (@study, @point, @reason)",
                ("@study", study.Id), ("@point", json), ("@reason", reason));
        });
    }

    /// <inheritdoc />
    public NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit, bool queuedOnly) =>
        Write($"creating a trial in study '{studyName}'", sql =>
        {
            var study = FindStudy(sql, studyName, lockRow: true);
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

            var startTicks = start.UtcTicks;
            sql.Execute(
                "INSERT INTO dials_trials (study_id, number, state, point, start_utc_ticks, start_offset_minutes, last_seen_utc_ticks, " +
                "strategy, strategy_reason) VALUES (@study, @number, @state, @point, @start, @offset, @start, @strategy, @reason)",
                ("@study", study.Id), ("@number", study.NextTrial), ("@state", Running), ("@point", StoredPoint(queued ?? [])),
                ("@start", startTicks), ("@offset", (int)start.Offset.TotalMinutes),
                ("@strategy", queued is null ? null : TrialRecord.QueuedStrategy), ("@reason", reason));
            sql.Execute("UPDATE dials_studies SET next_trial = next_trial + 1 WHERE id = @study", ("@study", study.Id));
            return new NewTrial(study.NextTrial, queued, reason);
        });

    /// <inheritdoc />
    public void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point, string strategy, string? strategyReason)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        var json = StoredPoint(point);
        Write($"setting the point of trial {number} of study '{studyName}'", sql =>
        {
            var trial = LockRunningTrial(sql, studyName, number);
            if (trial.HasPoint)
            {
                throw SqlStorageErrors.HasPoint(studyName, number);
            }

            return sql.Execute(
                "UPDATE dials_trials SET point = @point, strategy = @strategy, strategy_reason = @reason WHERE study_id = @study AND number = @number",
                ("@point", json), ("@strategy", strategy), ("@reason", strategyReason), ("@study", trial.StudyId), ("@number", number));
        });
    }

    /// <inheritdoc />
    public void ReportIntermediate(string studyName, int number, IntermediateValue value) =>
        Write($"reporting step {value.Step} of trial {number} of study '{studyName}'", sql =>
        {
            var trial = LockRunningTrial(sql, studyName, number);
            var last = sql.Scalar("SELECT MAX(step) FROM dials_intermediate_values WHERE study_id = @study AND number = @number",
                ("@study", trial.StudyId), ("@number", number));
            if (last is not null && value.Step <= Convert.ToInt64(last, CultureInfo.InvariantCulture))
            {
                throw SqlStorageErrors.StepNotAfter(number, Convert.ToInt64(last, CultureInfo.InvariantCulture), value.Step, nameof(value));
            }

            return sql.Execute("INSERT INTO dials_intermediate_values (study_id, number, step, value) VALUES (@study, @number, @step, @value)",
                ("@study", trial.StudyId), ("@number", number), ("@step", value.Step), ("@value", value.Value));
        });

    /// <inheritdoc />
    public bool FinishTrial(string studyName, int number, TrialState state, double? value, TimeSpan duration, string? failReason)
    {
        if (state == TrialState.Running)
        {
            throw SqlStorageErrors.FinishedAsRunning(nameof(state));
        }

        return Write($"finishing trial {number} of study '{studyName}'", sql =>
        {
            var trial = LockTrial(sql, studyName, number);
            if (trial.State != TrialState.Running)
            {
                return false;
            }

            sql.Execute(
                "UPDATE dials_trials SET state = @state, value = @value, duration_ticks = @duration, fail_reason = @reason " +
                "WHERE study_id = @study AND number = @number",
                ("@state", state.ToString()), ("@value", value), ("@duration", duration.Ticks), ("@reason", failReason),
                ("@study", trial.StudyId), ("@number", number));
            return true;
        });
    }

    /// <inheritdoc />
    public bool Heartbeat(string studyName, int number, DateTimeOffset at) =>
        Write($"recording a heartbeat of trial {number} of study '{studyName}'", sql =>
        {
            var trial = LockTrial(sql, studyName, number);
            if (trial.State != TrialState.Running)
            {
                return false;
            }

            // Only ever forward: a late heartbeat from a slow thread must not make a trial look older than it is.
            sql.Execute("UPDATE dials_trials SET last_seen_utc_ticks = @at WHERE study_id = @study AND number = @number AND last_seen_utc_ticks < @at",
                ("@at", at.UtcTicks), ("@study", trial.StudyId), ("@number", number));
            return true;
        });

    /// <inheritdoc />
    public IReadOnlyList<int> FailStaleTrials(string studyName, DateTimeOffset staleBefore, string reason) =>
        Write($"failing stale trials of study '{studyName}'", sql =>
        {
            // The study row's lock keeps two sweeps from locking the same trials in different orders (a deadlock).
            var study = FindStudy(sql, studyName, lockRow: true);

            // One UPDATE: it locks each row it changes and re-checks the condition against a heartbeat committed
            // meanwhile, so a trial that just proved alive is not failed. The duration ends at the last sign of life.
            using var command = sql.Command(
                "UPDATE dials_trials SET state = @failed, fail_reason = @reason, duration_ticks = last_seen_utc_ticks - start_utc_ticks " +
                "WHERE study_id = @study AND state = @running AND last_seen_utc_ticks < @before RETURNING number",
                ("@failed", nameof(TrialState.Failed)), ("@reason", reason), ("@study", study.Id), ("@running", Running),
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

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> ReadTrials(string studyName) =>
        Read($"reading the trials of study '{studyName}'", sql =>
        {
            var study = FindStudy(sql, studyName, lockRow: false);

            // One statement, so one consistent snapshot of trials and their reports.
            using var command = sql.Command(
                "SELECT t.number, t.state, t.point, t.value, t.start_utc_ticks, t.start_offset_minutes, t.duration_ticks, t.fail_reason, " +
                "t.strategy, t.strategy_reason, i.step, i.value FROM dials_trials t LEFT JOIN dials_intermediate_values i ON i.study_id = t.study_id AND i.number = t.number " +
                "WHERE t.study_id = @study ORDER BY t.number, i.step",
                ("@study", study.Id));
            using var reader = command.ExecuteReader();
            var trials = new List<TrialRecord>();
            List<IntermediateValue>? reports = null;
            while (reader.Read())
            {
                var number = reader.GetInt32(0);
                if (trials.Count == 0 || trials[^1].Number != number)
                {
                    reports = [];
                    trials.Add(ReadTrial(reader, reports));
                }

                if (!reader.IsDBNull(10))
                {
                    // SQLite stores a NaN as NULL; no other value reads back NULL here.
                    reports!.Add(new IntermediateValue(reader.GetInt64(10), reader.IsDBNull(11) ? double.NaN : reader.GetDouble(11)));
                }
            }

            return (IReadOnlyList<TrialRecord>)trials;
        });

    /// <inheritdoc />
    public IReadOnlyList<StoredStudy> ListStudies() =>
        Read("listing the studies", sql =>
        {
            using var command = sql.Command("SELECT name, direction, space_signature FROM dials_studies ORDER BY name");
            using var reader = command.ExecuteReader();
            var studies = new List<StoredStudy>();
            while (reader.Read())
            {
                studies.Add(new StoredStudy(reader.GetString(0), Enum.Parse<Direction>(reader.GetString(1)), reader.GetString(2)));
            }

            // The database's collation may not be ordinal; the interface promises one order for every back end.
            studies.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return (IReadOnlyList<StoredStudy>)studies;
        });

    /// <inheritdoc />
    public int CountFinished(string studyName) =>
        Read($"counting the finished trials of study '{studyName}'", sql =>
        {
            var study = FindStudy(sql, studyName, lockRow: false);
            return Convert.ToInt32(
                sql.Scalar("SELECT COUNT(*) FROM dials_trials WHERE study_id = @study AND state <> @running", ("@study", study.Id), ("@running", Running)),
                CultureInfo.InvariantCulture);
        });

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
            reader.IsDBNull(9) ? null : reader.GetString(9));
    }

    /// <summary>A trial without a point yet is stored with NULL, so "has it a point" is one IS NULL.</summary>
    private static string? StoredPoint(IReadOnlyList<double> point) => point.Count == 0 ? null : PointJson.Write(point);

    /// <summary>The study's id and trial counter; with <paramref name="lockRow"/>, locked until the transaction ends.</summary>
    private (long Id, int NextTrial) FindStudy(SqlCommands sql, string studyName, bool lockRow)
    {
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

    /// <summary>Reads a trial's state under a row lock, so the change that follows is decided on what is current.</summary>
    private (long StudyId, TrialState State, bool HasPoint) LockTrial(SqlCommands sql, string studyName, int number)
    {
        var study = FindStudy(sql, studyName, lockRow: false);
        using var command = sql.Command($"SELECT state, point FROM dials_trials WHERE study_id = @study AND number = @number{dialect.LockRows}",
            ("@study", study.Id), ("@number", number));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (study.Id, Enum.Parse<TrialState>(reader.GetString(0)), !reader.IsDBNull(1))
            : throw SqlStorageErrors.NoTrial(studyName, number);
    }

    private (long StudyId, TrialState State, bool HasPoint) LockRunningTrial(SqlCommands sql, string studyName, int number)
    {
        var trial = LockTrial(sql, studyName, number);
        return trial.State == TrialState.Running ? trial : throw SqlStorageErrors.Finished(studyName, number, trial.State);
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed only when it returns.</summary>
    private T Write<T>(string operation, Func<SqlCommands, T> work)
    {
        EnsureSchema();
        return Translated(operation, () =>
        {
            using var connection = dialect.Open();
            using var transaction = dialect.BeginWrite(connection);
            var result = work(new SqlCommands(connection, transaction));
            transaction.Commit();
            return result;
        });
    }

    /// <summary>Runs single-statement reads, each its own consistent snapshot.</summary>
    private T Read<T>(string operation, Func<SqlCommands, T> work)
    {
        EnsureSchema();
        return Translated(operation, () =>
        {
            using var connection = dialect.Open();
            return work(new SqlCommands(connection, null));
        });
    }

    private T Translated<T>(string operation, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception error) when (dialect.Translate(error, operation) is { } clear)
        {
            throw clear;
        }
    }

    /// <summary>Creates the schema on first use, or checks that the one found is the version this code knows.</summary>
    private void EnsureSchema()
    {
        if (schemaReady)
        {
            return;
        }

        lock (schemaGate)
        {
            if (schemaReady)
            {
                return;
            }

            Translated("checking the storage schema", () =>
            {
                using var connection = dialect.Open();
                dialect.Prepare(connection);
                using var transaction = dialect.BeginWrite(connection);
                dialect.GuardSchema(connection, transaction);
                var sql = new SqlCommands(connection, transaction);
                // Looked up rather than CREATE TABLE IF NOT EXISTS: a worker allowed to read and write the tables but
                // not to create any still opens a database set up by someone who may.
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
                return true;
            });
            schemaReady = true;
        }
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
            var steps = SqlSchema.UpgradeFrom(version) ?? throw SqlStorageErrors.UnwrittenSchema(dialect.Description, found);
            foreach (var statement in steps)
            {
                try
                {
                    sql.Execute(statement);
                }
                catch (DbException error) when (dialect.Translate(error, "upgrading the storage schema") is null)
                {
                    // Typically a worker allowed to use the tables but not to alter them: say what it takes.
                    throw SqlStorageErrors.UpgradeFailed(dialect.Description, found, SchemaVersion, error);
                }
            }
        }

        sql.Execute("UPDATE dials_schema_version SET version = @version", ("@version", SchemaVersion));
    }
}
