namespace Dials.Storage;

/// <summary>
/// Opens the storages of one <see cref="StorageKind"/> from a parsed <see cref="StorageLocation"/>: how a back end that
/// lives in a package of its own (SQLite, PostgreSQL) lets a spec string reach it without the core, or the options
/// binding, referencing its database driver. Registered with <see cref="StudyStorageOpeners.Register"/>.
/// </summary>
public interface IStudyStorageOpener
{
    /// <summary>The kind of location this opener opens.</summary>
    StorageKind Kind { get; }

    /// <summary>Opens a storage for a study to run in, creating its file or schema when missing.</summary>
    /// <param name="location">Where the storage is; its <see cref="StorageLocation.Kind"/> is <see cref="Kind"/>.</param>
    /// <returns>The storage.</returns>
    IStudyStorage Open(StorageLocation location);

    /// <summary>Opens a storage to read what it holds, never creating or changing anything. The caller has already
    /// checked that a file-based location's file exists.</summary>
    /// <param name="location">Where the storage is; its <see cref="StorageLocation.Kind"/> is <see cref="Kind"/>.</param>
    /// <returns>The storage.</returns>
    IStudyStorage OpenForReading(StorageLocation location);
}
