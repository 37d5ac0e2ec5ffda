namespace Dials.Storage;

/// <summary>Writes an output file atomically (a temporary file beside it, then a rename), so a reader, a configuration
/// watcher or a browser refreshing a report never sees half a file, and a failure leaves the previous one intact.</summary>
public static class AtomicFile
{
    // No byte-order mark: JSON and CSV readers and configuration loaders take UTF-8 plainly.
    private static readonly System.Text.UTF8Encoding Utf8WithoutMark = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <returns>The full path written.</returns>
    public static string WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + $".{Guid.NewGuid():N}.tmp"; // unique, so concurrent writers never share one
        try
        {
            File.WriteAllText(temp, text, Utf8WithoutMark);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return full;
    }
}
