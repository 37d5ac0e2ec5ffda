namespace Dials.Storage;

/// <summary>A trial just allocated by <see cref="IStudyStorage.CreateTrial"/> or <see cref="IStudyStorage.CreateQueuedTrial"/>.</summary>
/// <param name="Number">Its number, allocated by the storage.</param>
/// <param name="QueuedPoint">The queued point it runs, or null when the caller must sample one.</param>
/// <param name="QueuedReason">Why that point was queued (see <see cref="IStudyStorage.Enqueue"/>); null when it was
/// not said or nothing was queued.</param>
public sealed record NewTrial(int Number, IReadOnlyList<double>? QueuedPoint, string? QueuedReason = null);
