using Microsoft.Win32.SafeHandles;

namespace Dials.Storage.Journal;

/// <summary>
/// A journal append's disk sync, made after the writer has released its locks (<see cref="JournalFile.Append"/>). It
/// holds a reference on the journal's handle, so the file stays open for the sync even if another thread closes the
/// journal meanwhile (after an I/O error, or on dispose).
/// </summary>
internal sealed class DiskSync
{
    private readonly SafeFileHandle handle;
    private readonly string path;
    private int completed;

    public DiskSync(SafeFileHandle handle, string path)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        this.handle = handle;
        this.path = path;
    }

    /// <summary>Flushes the journal to disk (fsync) and lets the handle go; only the first call does anything.</summary>
    /// <exception cref="IOException">The sync failed: the message names the file.</exception>
    public void Complete()
    {
        if (Interlocked.Exchange(ref completed, 1) != 0)
        {
            return;
        }

        try
        {
            RandomAccess.FlushToDisk(handle);
        }
        catch (IOException error)
        {
            throw new IOException($"Journal '{path}' could not be flushed to disk: {error.Message}", error);
        }
        finally
        {
            handle.DangerousRelease();
        }
    }
}
