namespace Dials.Storage;

/// <summary>Writes a file atomically (a temporary file beside it, then a rename), so a reader, a configuration watcher
/// or a browser refreshing a report never sees half a file, and a failure leaves the previous one intact.</summary>
public static class AtomicFile
{
    // No byte-order mark: JSON and CSV readers and configuration loaders take UTF-8 plainly.
    private static readonly System.Text.UTF8Encoding Utf8WithoutMark = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <returns>The full path written.</returns>
    public static string WriteAllText(string path, string text) => Replace(path, Utf8WithoutMark.GetBytes(text), durable: false);

    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/>, creating its folder, and syncs it to the disk
    /// before the rename, so after a crash the file holds the old bytes or the new ones (checkpoints).</summary>
    /// <returns>The full path written.</returns>
    public static string WriteAllBytesDurably(string path, ReadOnlySpan<byte> data) => Replace(path, data, durable: true);

    private static string Replace(string path, ReadOnlySpan<byte> data, bool durable)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + $".{Guid.NewGuid():N}.tmp"; // unique, so concurrent writers never share one
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(data);
                if (durable)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return full;
    }
}
