using Dials.Storage;

namespace Dials.Options;

/// <summary>
/// Opens a study storage from a one-line spec (<c>journal:PATH</c> or a bare journal path, <c>sqlite:PATH</c> or
/// <c>sqlite:CONNECTION-STRING</c>, <c>postgres:CONNECTION-STRING</c>), as parsed by
/// <see cref="StorageLocation"/>. Messages never repeat the spec: a connection string may hold a password.
/// </summary>
/// <remarks>
/// Parsing lives in the core (<see cref="StorageLocation"/>) so every reader of a spec agrees, and so does opening
/// (<see cref="StudyStorageOpeners"/>): the journal opens out of the box, and a <c>sqlite:</c> or <c>postgres:</c>
/// spec opens once the application references <c>Dials.Storage.Sqlite</c> or <c>Dials.Storage.Postgres</c> and calls
/// its <c>SqliteStorageOpener.Register()</c> or <c>PostgresStorageOpener.Register()</c>. This package references
/// neither driver, so binding options never brings a database driver with it.
/// </remarks>
public static class StorageSpec
{
    /// <summary>Why a spec cannot be opened in this process (a sentence without the spec itself): it is malformed, or
    /// its back end's package is not registered (the message names the package); null when it can be opened.</summary>
    /// <param name="spec">The spec.</param>
    public static string? Problem(string spec) =>
        StorageLocation.TryParse(spec, out var location, out var problem) ? StudyStorageOpeners.Missing(location.Kind) : problem;

    /// <summary>Opens the storage a spec names for a study to run in, creating the file (and its folder) when missing.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The storage.</returns>
    /// <exception cref="ArgumentException">The spec is malformed, or the storage refused it; the message does not
    /// contain the spec.</exception>
    /// <exception cref="InvalidOperationException">The spec's back end is not registered; the message names its package.</exception>
    public static IStudyStorage Open(string spec) => StudyStorageOpeners.Open(StorageLocation.Parse(spec));

    /// <summary>Opens a storage for a study to run in, creating the file (and its folder) when missing.</summary>
    /// <param name="location">Where the storage is.</param>
    /// <exception cref="ArgumentException">The storage refused its settings; the message does not contain them.</exception>
    /// <exception cref="InvalidOperationException">The location's back end is not registered; the message names its package.</exception>
    public static IStudyStorage Open(StorageLocation location) => StudyStorageOpeners.Open(location);

    /// <summary>Opens a storage to read what it holds, without creating or changing any file: a journal or SQLite
    /// file that does not exist is an error (a mistyped name must not leave an empty storage behind), and a SQLite
    /// database is opened read-only.</summary>
    /// <param name="spec">The spec.</param>
    /// <exception cref="ArgumentException">The spec is malformed, or the storage refused it; the message does not
    /// contain the spec.</exception>
    /// <exception cref="InvalidOperationException">The spec's back end is not registered; the message names its package.</exception>
    /// <exception cref="FileNotFoundException">The journal or SQLite file does not exist; the message names it.</exception>
    public static IStudyStorage OpenForReading(string spec) => StudyStorageOpeners.OpenForReading(StorageLocation.Parse(spec));
}
