namespace Dials.Pbt;

/// <summary>Keeps checkpoints as files in one folder (for example beside the study's journal or database), each written
/// to a temporary file first and then renamed over the old one, so a crash never leaves half a checkpoint.</summary>
public sealed class DirectoryCheckpointStore : ICheckpointStore
{
    /// <summary>Keeps checkpoints in <paramref name="directory"/>, created when the first one is written.</summary>
    public DirectoryCheckpointStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder's full path.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public async ValueTask WriteAsync(string name, Func<Stream, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var path = PathOf(name);
        System.IO.Directory.CreateDirectory(Directory);
        // Streamed to the temporary file as the member writes it (a checkpoint can be large), unlike AtomicFile, which
        // takes the bytes whole; the rename is the same.
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public Stream? OpenRead(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true) : null;
    }

    /// <inheritdoc />
    public void Delete(string name) => File.Delete(PathOf(name));

    private string PathOf(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\']) >= 0 || name is "." or "..")
        {
            throw new ArgumentException($"'{name}' is not a plain file name.", nameof(name));
        }

        return Path.Combine(Directory, name);
    }
}
