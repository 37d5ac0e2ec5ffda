namespace Dials.Storage;

/// <summary>Creates the storages a study can keep its trials in.</summary>
public static class Storage
{
    /// <summary>A storage in this process's memory: the default, fast, and gone when the process ends. Several
    /// studies (or several <see cref="Study{T}"/> objects for one study name) may share it.</summary>
    public static IStudyStorage InMemory() => new InMemoryStorage();

    /// <summary>
    /// A storage in an append-only journal file: the embedded default for real runs. Every operation is one line,
    /// finished trials are flushed to disk before they count, several processes on one machine share a study through
    /// a file lock, and a torn last line (a crash mid-write) is skipped with a warning.
    /// </summary>
    /// <param name="path">The journal file; created (with its folder) when missing.</param>
    /// <param name="onWarning">Receives warnings about skipped lines; standard error by default.</param>
    public static IStudyStorage JournalFile(string path, Action<string>? onWarning = null) => new Journal.JournalStorage(path, onWarning);
}
