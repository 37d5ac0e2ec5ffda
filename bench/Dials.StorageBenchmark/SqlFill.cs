namespace Dials.StorageBenchmark;

/// <summary>Fills a SQLite or PostgreSQL study by one INSERT of copies of its trial 0, with fresh points, values and
/// change numbers, then sets the study's counters as the storage would have.</summary>
internal static class SqlFill
{
    private const string Sqlite = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count - 1),
        s(id) AS (SELECT id FROM dials_studies WHERE name = @name)
        INSERT INTO dials_trials (study_id, number, state, point, value, start_utc_ticks, start_offset_minutes,
            last_seen_utc_ticks, duration_ticks, strategy, change_seq)
        SELECT t.study_id, i, t.state, '[' || ((i * 7919) % 100000) / 100000.0 || ']',
            (((i * 7919) % 100000) / 100000.0) * (((i * 7919) % 100000) / 100000.0),
            t.start_utc_ticks, t.start_offset_minutes, t.last_seen_utc_ticks, t.duration_ticks, t.strategy, t.change_seq + i
        FROM n, s JOIN dials_trials t ON t.study_id = s.id AND t.number = 0;
        UPDATE dials_studies SET next_trial = @count, change_seq = change_seq + @count WHERE name = @name;
        """;

    // Then statistics, as PostgreSQL's autovacuum gathers them for a table that grew through a long study (SQLite has
    // none unless asked, and Dials never asks).
    private const string Postgres = """
        INSERT INTO dials_trials (study_id, number, state, point, value, start_utc_ticks, start_offset_minutes,
            last_seen_utc_ticks, duration_ticks, strategy, change_seq)
        SELECT t.study_id, i, t.state, '[' || ((i * 7919) % 100000) / 100000.0 || ']', (((i * 7919) % 100000) / 100000.0) ^ 2,
            t.start_utc_ticks, t.start_offset_minutes, t.last_seen_utc_ticks, t.duration_ticks, t.strategy, t.change_seq + i
        FROM generate_series(1, @count - 1) AS i, dials_studies s JOIN dials_trials t ON t.study_id = s.id AND t.number = 0
        WHERE s.name = @name;
        UPDATE dials_studies SET next_trial = @count, change_seq = change_seq + @count WHERE name = @name;
        ANALYZE dials_trials;
        """;

    public static void Insert(Backends backends, string backend, string name, int size)
    {
        using var connection = backends.Connect(backend, name);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = backend == "sqlite" ? Sqlite : Postgres;
        foreach (var (parameter, value) in new (string, object)[] { ("@name", name), ("@count", size) })
        {
            var p = command.CreateParameter();
            p.ParameterName = parameter;
            p.Value = value;
            command.Parameters.Add(p);
        }

        command.ExecuteNonQuery();
    }
}
