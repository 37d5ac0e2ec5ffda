namespace Dials.Storage.Sql;

/// <summary>How one engine spells the column types the schema needs.</summary>
/// <param name="Identity">A 64-bit key the database numbers itself, in insertion order, with PRIMARY KEY.</param>
/// <param name="Int64">A 64-bit integer (ticks, steps, ids).</param>
/// <param name="Double">An IEEE 754 double (values): note PostgreSQL's <c>real</c> is single precision.</param>
/// <param name="Blob">Bytes of any length (checkpoints).</param>
internal sealed record SqlColumnTypes(string Identity, string Int64, string Double, string Blob);

/// <summary>
/// The schema of the database back ends (version <see cref="SqlStudyStorage.SchemaVersion"/>), the same tables on
/// every engine, each prefixed <c>dials_</c> so a database can hold them beside an application's own, and the steps
/// that bring a database written by an earlier version up to it.
/// </summary>
/// <remarks>
/// Times are stored as UTC ticks (plus the offset in minutes for a trial's start) rather than as timestamps: ticks are
/// exact on every engine, while PostgreSQL timestamps keep microseconds and SQLite has no timestamp type at all. Points
/// are JSON (see <see cref="PointJson"/>); an absent point is NULL. States and directions are their enum names, so the
/// tables read well in a database shell.
/// <para>Versions: 1, the first; 2 added the strategy that chose each trial's point and why (<c>dials_trials.strategy</c>,
/// <c>strategy_reason</c>) and why a point was queued (<c>dials_queued_points.reason</c>). Trials stored under version
/// 1 keep NULL there: which strategy chose them was never recorded. 3 added the study's change sequence
/// (<c>dials_studies.change_seq</c>, bumped by every transaction that changes one of its trials, and stamped on those
/// trials as <c>dials_trials.change_seq</c>) so a reader fetches only the trials changed since its last read, the
/// token of the call that created a trial or queued a point (<c>creator</c>) so a call retried after a lost
/// acknowledgement finds its own work instead of doing it twice, and two indexes: trials by change, running trials
/// by last sign of life. Rows stored before version 3 keep change 0 and no token. 4 added each trial's objective values
/// and constraint values (<c>dials_trials.objective_values</c>, <c>constraint_values</c>, JSON written by
/// <see cref="ResultJson"/>); trials stored before version 4, and trials finished without them, keep NULL there. 5 added a
/// study's every direction (<c>dials_studies.directions</c>, the names joined by commas, written only for a study of
/// several objectives so that <c>direction</c> alone still describes every other study, and every study stored before)
/// and each trial's processor time (<c>dials_trials.cpu_ticks</c>, NULL when not measured), and the studies' named
/// checkpoints (<c>dials_checkpoints</c>, see <see cref="ICheckpointStorage"/>). 6 added the objectives' names
/// (<c>dials_studies.objective_names</c>, a JSON array of strings written by <see cref="NamesJson"/>, NULL for a study
/// created without names and every study stored before).</para>
/// </remarks>
internal static class SqlSchema
{
    public static IReadOnlyList<string> Create(SqlColumnTypes types) =>
    [
        $"""
        CREATE TABLE dials_studies (
            id {types.Identity},
            name TEXT NOT NULL UNIQUE,
            direction TEXT NOT NULL,
            space_signature TEXT NOT NULL,
            next_trial INTEGER NOT NULL,
            directions TEXT,
            objective_names TEXT,
            change_seq {types.Int64} NOT NULL DEFAULT 0)
        """,
        $"""
        CREATE TABLE dials_queued_points (
            id {types.Identity},
            study_id {types.Int64} NOT NULL REFERENCES dials_studies (id),
            point TEXT NOT NULL,
            reason TEXT,
            creator TEXT)
        """,
        $"""
        CREATE TABLE dials_trials (
            study_id {types.Int64} NOT NULL REFERENCES dials_studies (id),
            number INTEGER NOT NULL,
            state TEXT NOT NULL,
            point TEXT,
            value {types.Double},
            start_utc_ticks {types.Int64} NOT NULL,
            start_offset_minutes INTEGER NOT NULL,
            last_seen_utc_ticks {types.Int64} NOT NULL,
            duration_ticks {types.Int64},
            fail_reason TEXT,
            strategy TEXT,
            strategy_reason TEXT,
            change_seq {types.Int64} NOT NULL DEFAULT 0,
            creator TEXT,
            objective_values TEXT,
            constraint_values TEXT,
            cpu_ticks {types.Int64},
            PRIMARY KEY (study_id, number))
        """,
        .. Indexes,
        Checkpoints(types),
        $"""
        CREATE TABLE dials_intermediate_values (
            study_id {types.Int64} NOT NULL,
            number INTEGER NOT NULL,
            step {types.Int64} NOT NULL,
            value {types.Double},
            PRIMARY KEY (study_id, number, step),
            FOREIGN KEY (study_id, number) REFERENCES dials_trials (study_id, number))
        """,
    ];

    /// <summary>The statements that bring a database from <paramref name="version"/> to the next version, or null when
    /// there is no such step (a version this code never wrote). Only added columns and indexes so far: ALTER TABLE ...
    /// ADD COLUMN and CREATE INDEX are transactional on both engines, so an upgrade happens entirely or not at all.</summary>
    public static IReadOnlyList<string>? UpgradeFrom(int version, SqlColumnTypes types) => version switch
    {
        1 =>
        [
            "ALTER TABLE dials_trials ADD COLUMN strategy TEXT",
            "ALTER TABLE dials_trials ADD COLUMN strategy_reason TEXT",
            "ALTER TABLE dials_queued_points ADD COLUMN reason TEXT",
        ],
        2 =>
        [
            $"ALTER TABLE dials_studies ADD COLUMN change_seq {types.Int64} NOT NULL DEFAULT 0",
            $"ALTER TABLE dials_trials ADD COLUMN change_seq {types.Int64} NOT NULL DEFAULT 0",
            "ALTER TABLE dials_trials ADD COLUMN creator TEXT",
            "ALTER TABLE dials_queued_points ADD COLUMN creator TEXT",
            .. Indexes,
        ],
        3 =>
        [
            "ALTER TABLE dials_trials ADD COLUMN objective_values TEXT",
            "ALTER TABLE dials_trials ADD COLUMN constraint_values TEXT",
        ],
        4 =>
        [
            "ALTER TABLE dials_studies ADD COLUMN directions TEXT",
            $"ALTER TABLE dials_trials ADD COLUMN cpu_ticks {types.Int64}",
            Checkpoints(types),
        ],
        5 =>
        [
            "ALTER TABLE dials_studies ADD COLUMN objective_names TEXT",
        ],
        _ => null,
    };

    /// <summary>The checkpoints table of version 5: one row per study and name, replaced whole.</summary>
    private static string Checkpoints(SqlColumnTypes types) => $"""
        CREATE TABLE dials_checkpoints (
            study_id {types.Int64} NOT NULL REFERENCES dials_studies (id),
            name TEXT NOT NULL,
            data {types.Blob} NOT NULL,
            PRIMARY KEY (study_id, name))
        """;

    /// <summary>The indexes of version 3: an incremental read finds the trials changed since a sequence number, and a
    /// stale sweep finds the running trials, without scanning a study's every trial. The second is partial (both
    /// engines spell it alike), so it holds only the few running trials.</summary>
    private static IReadOnlyList<string> Indexes =>
    [
        "CREATE INDEX dials_trials_by_change ON dials_trials (study_id, change_seq)",
        $"CREATE INDEX dials_trials_running ON dials_trials (study_id, last_seen_utc_ticks) WHERE state = '{nameof(TrialState.Running)}'",
    ];
}
