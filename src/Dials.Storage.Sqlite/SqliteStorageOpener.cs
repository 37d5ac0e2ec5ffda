using Microsoft.Data.Sqlite;

namespace Dials.Storage.Sqlite;

/// <summary>
/// Opens <c>sqlite:PATH</c> and <c>sqlite:CONNECTION-STRING</c> locations as <see cref="SqliteStorage"/>. Call
/// <see cref="Register"/> once at start-up so that a <c>sqlite:</c> spec (<c>Tuning:Storage</c>, <c>--storage</c>)
/// opens; without it such a spec is refused with a message naming this package.
/// </summary>
public sealed class SqliteStorageOpener : IStudyStorageOpener
{
    /// <summary>Registers this opener with <see cref="StudyStorageOpeners"/>; calling it again does nothing more.</summary>
    public static void Register() => StudyStorageOpeners.Register(new SqliteStorageOpener());

    /// <inheritdoc />
    public StorageKind Kind => StorageKind.Sqlite;

    /// <inheritdoc />
    public IStudyStorage Open(StorageLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Target.Contains('=') ? new SqliteStorage(new SqliteConnectionStringBuilder(location.Target)) : new SqliteStorage(location.Target);
    }

    /// <summary>Opens the database with <c>Mode=ReadOnly</c>, which <see cref="SqliteStorage"/> honours: it then never
    /// creates, upgrades or writes the file (<see cref="Sql.SqlStudyStorage.IsReadOnly"/>).</summary>
    /// <param name="location">Where the database is.</param>
    /// <returns>The storage.</returns>
    public IStudyStorage OpenForReading(StorageLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var builder = location.Target.Contains('=')
            ? new SqliteConnectionStringBuilder(location.Target)
            : new SqliteConnectionStringBuilder { DataSource = location.Target };
        builder.Mode = SqliteOpenMode.ReadOnly;
        return new SqliteStorage(builder);
    }
}
