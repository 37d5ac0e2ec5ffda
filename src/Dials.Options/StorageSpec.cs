using Dials.Storage;
using Dials.Storage.Postgres;
using Dials.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dials.Options;

/// <summary>
/// Opens a study storage from a one-line spec (<c>journal:PATH</c> or a bare journal path, <c>sqlite:PATH</c> or
/// <c>sqlite:CONNECTION-STRING</c>, <c>postgres:CONNECTION-STRING</c>), as parsed by
/// <see cref="StorageLocation"/>. Messages never repeat the spec: a connection string may hold a password.
/// </summary>
/// <remarks>
/// Parsing lives in the core (<see cref="StorageLocation"/>) so every reader of a spec agrees; opening lives here
/// because this is the one package that references every back end (the core cannot reference the SQLite and
/// PostgreSQL drivers, and each driver package knows only itself), and the <c>dials</c> command, the options binding
/// and the worker programs already depend on it.
/// </remarks>
public static class StorageSpec
{
    /// <summary>Why a spec cannot be opened (a sentence without the spec itself), or null when it is well formed.</summary>
    /// <param name="spec">The spec.</param>
    public static string? Problem(string spec) => StorageLocation.TryParse(spec, out _, out var problem) ? null : problem;

    /// <summary>Opens the storage a spec names for a study to run in, creating the file (and its folder) when missing.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The storage.</returns>
    /// <exception cref="ArgumentException">The spec is malformed, or the storage refused it; the message does not
    /// contain the spec.</exception>
    public static IStudyStorage Open(string spec) => Open(StorageLocation.Parse(spec));

    /// <summary>Opens a storage for a study to run in, creating the file (and its folder) when missing.</summary>
    /// <param name="location">Where the storage is.</param>
    /// <exception cref="ArgumentException">The storage refused its settings; the message does not contain them.</exception>
    public static IStudyStorage Open(StorageLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Guarded(location, () => location.Kind switch
        {
            StorageKind.Journal => new JournalStorage(location.Target),
            StorageKind.Sqlite => location.Target.Contains('=') ? new SqliteStorage(new SqliteConnectionStringBuilder(location.Target)) : new SqliteStorage(location.Target),
            _ => new PostgresStorage(location.Target),
        });
    }

    /// <summary>Opens a storage to read what it holds, without creating or changing any file: a journal or SQLite
    /// file that does not exist is an error (a mistyped name must not leave an empty storage behind), and a SQLite
    /// database is opened with <c>Mode=ReadOnly</c>.</summary>
    /// <param name="spec">The spec.</param>
    /// <exception cref="ArgumentException">The spec is malformed, or the storage refused it; the message does not
    /// contain the spec.</exception>
    /// <exception cref="FileNotFoundException">The journal or SQLite file does not exist; the message names it.</exception>
    public static IStudyStorage OpenForReading(string spec)
    {
        var location = StorageLocation.Parse(spec);
        if (location.FilePath is { } path && !File.Exists(path))
        {
            throw new FileNotFoundException($"storage file not found: {path}", path);
        }

        return Guarded(location, () => location.Kind switch
        {
            StorageKind.Journal => new JournalStorage(location.Target),
            StorageKind.Sqlite => new SqliteStorage(ReadOnly(location)),
            _ => new PostgresStorage(location.Target),
        });
    }

    /// <summary>A SQLite connection string for the location with <c>Mode=ReadOnly</c>, which <see cref="SqliteStorage"/>
    /// honours: it then never creates, upgrades or writes the file (<see cref="Dials.Storage.Sql.SqlStudyStorage.IsReadOnly"/>).</summary>
    private static SqliteConnectionStringBuilder ReadOnly(StorageLocation location)
    {
        var builder = location.Target.Contains('=')
            ? new SqliteConnectionStringBuilder(location.Target)
            : new SqliteConnectionStringBuilder { DataSource = location.Target };
        builder.Mode = SqliteOpenMode.ReadOnly;
        return builder;
    }

    private static IStudyStorage Guarded(StorageLocation location, Func<IStudyStorage> open)
    {
        try
        {
            return open();
        }
        catch (ArgumentException exception)
        {
            // The storage's own message may quote the connection string; only its kind is safe to repeat.
            throw new ArgumentException($"The {location.Kind} storage refused its connection settings ({exception.GetType().Name}).", "spec");
        }
    }
}
