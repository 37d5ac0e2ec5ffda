using Dials.Storage;

namespace Dials.Pbt;

/// <summary>Keeps a population-based training run's checkpoints and state in its study's own storage
/// (<see cref="ICheckpointStorage"/>: beside the journal, in the database, or in memory), so the study and what the run
/// needs to resume travel together. What <see cref="PopulationBasedTraining.RunAsync{T}"/> uses when
/// <see cref="PbtOptions.Checkpoints"/> is null.</summary>
/// <param name="storage">The study's storage.</param>
/// <param name="studyName">The study's name.</param>
public sealed class StudyCheckpointStore(ICheckpointStorage storage, string studyName) : ICheckpointStore
{
    /// <inheritdoc />
    public async ValueTask WriteAsync(string name, Func<Stream, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        await write(buffer, cancellationToken).ConfigureAwait(false);
        storage.WriteCheckpoint(studyName, name, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <inheritdoc />
    public Stream? OpenRead(string name) => storage.ReadCheckpoint(studyName, name) is { } data ? new MemoryStream(data, writable: false) : null;

    /// <inheritdoc />
    public void Delete(string name) => storage.DeleteCheckpoint(studyName, name);
}
