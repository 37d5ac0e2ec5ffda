namespace Dials.Storage.Postgres;

/// <summary>
/// Opens <c>postgres:CONNECTION-STRING</c> locations as <see cref="PostgresStorage"/>. Call <see cref="Register"/> once
/// at start-up so that a <c>postgres:</c> spec (<c>Tuning:Storage</c>, <c>--storage</c>) opens; without it such a spec
/// is refused with a message naming this package.
/// </summary>
public sealed class PostgresStorageOpener : IStudyStorageOpener
{
    /// <summary>Registers this opener with <see cref="StudyStorageOpeners"/>; calling it again does nothing more.</summary>
    public static void Register() => StudyStorageOpeners.Register(new PostgresStorageOpener());

    /// <inheritdoc />
    public StorageKind Kind => StorageKind.Postgres;

    /// <inheritdoc />
    public IStudyStorage Open(StorageLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new PostgresStorage(location.Target);
    }

    /// <inheritdoc />
    public IStudyStorage OpenForReading(StorageLocation location) => Open(location);
}
