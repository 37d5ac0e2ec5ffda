namespace Dials.Storage;

/// <summary>
/// A storage that also keeps named binary checkpoints per study (model weights and optimizer state between the rounds
/// of population-based training), next to the study's trials: the journal in a folder beside its file, the database
/// back ends in a table, the in-memory storage in memory. A run given no other place keeps its checkpoints here, so the
/// study and what it needs to resume travel together.
/// </summary>
public interface ICheckpointStorage
{
    /// <summary>Stores <paramref name="data"/> as checkpoint <paramref name="name"/> of the study, replacing any earlier
    /// one entirely or not at all.</summary>
    /// <exception cref="InvalidOperationException">The study is unknown, or the storage was opened for reading only.</exception>
    void WriteCheckpoint(string studyName, string name, ReadOnlySpan<byte> data);

    /// <summary>Checkpoint <paramref name="name"/> of the study, or null when there is none.</summary>
    byte[]? ReadCheckpoint(string studyName, string name);

    /// <summary>Removes checkpoint <paramref name="name"/> of the study if it exists.</summary>
    void DeleteCheckpoint(string studyName, string name);
}
