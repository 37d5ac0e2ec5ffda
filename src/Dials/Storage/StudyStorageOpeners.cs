namespace Dials.Storage;

/// <summary>
/// Opens a <see cref="StorageLocation"/> (a parsed spec: <c>journal:PATH</c>, <c>sqlite:...</c>, <c>postgres:...</c>)
/// with the opener registered for its kind. The journal's is built in; the SQLite and PostgreSQL packages each register
/// theirs once at start-up (<c>SqliteStorageOpener.Register()</c>, <c>PostgresStorageOpener.Register()</c>), so only
/// an application that uses a database storage carries its driver.
/// </summary>
/// <remarks>
/// <para>A registry in the core rather than one class that references every back end: that class would make every
/// package above it (the options binding in particular) depend on both database drivers. A static registry rather
/// than only a dependency-injection service, because specs are opened outside any container too (the <c>dials</c>
/// command, worker processes, the samples), and one registration serves them all; registering is idempotent and
/// thread-safe.</para>
/// <para>A location whose kind has no opener fails with a message that names the package to add and the call that
/// registers it (<see cref="Missing"/>), at configuration validation when the options binding reads the spec and
/// again when it is opened. Messages never repeat the location: a connection string may hold a password.</para>
/// </remarks>
public static class StudyStorageOpeners
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<StorageKind, IStudyStorageOpener> Openers = new() { [StorageKind.Journal] = new JournalOpener() };

    /// <summary>Registers an opener for its kind, replacing any earlier one of the same kind.</summary>
    /// <param name="opener">The opener.</param>
    public static void Register(IStudyStorageOpener opener)
    {
        ArgumentNullException.ThrowIfNull(opener);
        lock (Gate)
        {
            Openers[opener.Kind] = opener;
        }
    }

    /// <summary>Why locations of a kind cannot be opened in this process (the package to add and the call that
    /// registers it), or null when an opener is registered.</summary>
    /// <param name="kind">The kind.</param>
    public static string? Missing(StorageKind kind)
    {
        lock (Gate)
        {
            if (Openers.ContainsKey(kind))
            {
                return null;
            }
        }

        var (package, opener) = kind switch
        {
            StorageKind.Sqlite => ("Dials.Storage.Sqlite", "SqliteStorageOpener"),
            _ => ("Dials.Storage.Postgres", "PostgresStorageOpener"),
        };
        return $"A {kind.ToString().ToLowerInvariant()}: storage needs the {package} package: reference it and call {package}.{opener}.Register() once at start-up.";
    }

    /// <summary>Opens a storage for a study to run in, creating the file (and its folder) when missing.</summary>
    /// <param name="location">Where the storage is.</param>
    /// <returns>The storage.</returns>
    /// <exception cref="InvalidOperationException">No opener is registered for the location's kind; the message names
    /// the package.</exception>
    /// <exception cref="ArgumentException">The storage refused its settings; the message does not contain them.</exception>
    public static IStudyStorage Open(StorageLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var opener = OpenerFor(location.Kind);
        return Guarded(location, () => opener.Open(location));
    }

    /// <summary>Opens a storage to read what it holds, without creating or changing any file: a journal or SQLite
    /// file that does not exist is an error (a mistyped name must not leave an empty storage behind).</summary>
    /// <param name="location">Where the storage is.</param>
    /// <returns>The storage.</returns>
    /// <exception cref="InvalidOperationException">No opener is registered for the location's kind.</exception>
    /// <exception cref="ArgumentException">The storage refused its settings; the message does not contain them.</exception>
    /// <exception cref="FileNotFoundException">The journal or SQLite file does not exist; the message names it.</exception>
    public static IStudyStorage OpenForReading(StorageLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var opener = OpenerFor(location.Kind);
        if (location.FilePath is { } path && !File.Exists(path))
        {
            throw new FileNotFoundException($"storage file not found: {path}", path);
        }

        return Guarded(location, () => opener.OpenForReading(location));
    }

    private static IStudyStorageOpener OpenerFor(StorageKind kind)
    {
        lock (Gate)
        {
            if (Openers.TryGetValue(kind, out var opener))
            {
                return opener;
            }
        }

        throw new InvalidOperationException(Missing(kind));
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

    /// <summary>The journal, in the core: a file path needs no driver.</summary>
    private sealed class JournalOpener : IStudyStorageOpener
    {
        public StorageKind Kind => StorageKind.Journal;

        public IStudyStorage Open(StorageLocation location) => new JournalStorage(location.Target);

        public IStudyStorage OpenForReading(StorageLocation location) => new JournalStorage(location.Target);
    }
}
