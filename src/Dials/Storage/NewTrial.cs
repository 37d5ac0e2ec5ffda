namespace Dials.Storage;

/// <summary>A trial just allocated by <see cref="IStudyStorage.CreateTrial"/>.</summary>
/// <param name="Number">Its number, allocated by the storage.</param>
/// <param name="QueuedPoint">The queued point it runs, or null when the caller must sample one.</param>
public sealed record NewTrial(int Number, IReadOnlyList<double>? QueuedPoint);
