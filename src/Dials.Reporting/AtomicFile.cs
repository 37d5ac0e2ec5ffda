namespace Dials.Reporting;

/// <summary>Writes an output file atomically (a temporary file beside it, then a rename), so a reader, a configuration
/// watcher or a browser refreshing a report never sees half a file, and a failure leaves the previous one intact.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <returns>The full path written.</returns>
    public static string WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + $".{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return full;
    }
}
