namespace Dials.Pbt;

/// <summary>Where a population-based training run keeps its members' checkpoints and its own state between generations,
/// so that a killed run resumes from the last finished generation instead of from scratch.</summary>
public interface ICheckpointStore
{
    /// <summary>Writes the item <paramref name="name"/> with <paramref name="write"/>, replacing any earlier one
    /// entirely or not at all (a crash mid-write leaves the earlier one).</summary>
    ValueTask WriteAsync(string name, Func<Stream, CancellationToken, ValueTask> write, CancellationToken cancellationToken);

    /// <summary>Opens the item <paramref name="name"/> for reading, or returns null when there is none.</summary>
    Stream? OpenRead(string name);

    /// <summary>Removes the item <paramref name="name"/> if it exists.</summary>
    void Delete(string name);
}
