namespace Dials.Cli.Commands;

/// <summary>Writes a command's output file atomically (a temporary file beside it, then a rename), so a reader or a
/// browser refreshing the report never sees half a file, and a failure leaves the previous one intact.</summary>
public static class OutputFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <returns>The full path written.</returns>
    public static string Write(string path, string text)
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
