namespace Dials.Storage;

/// <summary>Creates the storages a study can keep its trials in.</summary>
public static class Storage
{
    /// <summary>A storage in this process's memory: the default, fast, and gone when the process ends. Several
    /// studies (or several <see cref="Study{T}"/> objects for one study name) may share it.</summary>
    public static IStudyStorage InMemory() => new InMemoryStorage();
}
