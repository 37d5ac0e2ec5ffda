using System.Collections.Concurrent;

namespace Dials.Pbt;

/// <summary>Keeps checkpoints in memory: for runs that need not survive their process (tests, quick experiments).</summary>
public sealed class MemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<string, byte[]> items = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask WriteAsync(string name, Func<Stream, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        await write(buffer, cancellationToken).ConfigureAwait(false);
        items[name] = buffer.ToArray();
    }

    /// <inheritdoc />
    public Stream? OpenRead(string name) => items.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : null;

    /// <inheritdoc />
    public void Delete(string name) => items.TryRemove(name, out _);
}
