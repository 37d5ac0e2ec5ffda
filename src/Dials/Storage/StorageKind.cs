namespace Dials.Storage;

/// <summary>The back end a <see cref="StorageLocation"/> names.</summary>
public enum StorageKind
{
    /// <summary>An append-only journal file (<c>journal:PATH</c> or a bare path).</summary>
    Journal,

    /// <summary>A SQLite database file (<c>sqlite:PATH</c> or <c>sqlite:CONNECTION-STRING</c>).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<c>postgres:CONNECTION-STRING</c>).</summary>
    Postgres,
}
