using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Dials.Storage;

/// <summary>
/// Group commit for the processes that write one file (a journal, a SQLite log): a writer whose change another
/// process's disk sync has already covered returns without a sync of its own, so several workers finishing trials at
/// once pay for one sync between them instead of one each.
/// </summary>
/// <remarks>
/// <para>The state lives in a small side file beside the data file (<c>.sync</c>), shared by every process: the last
/// ticket handed out and the ticket every change up to which is known to be on disk, each stored with a check word so
/// that a torn or foreign value reads as absent. An exclusive <c>flock(2)</c> on that file admits one syncing writer
/// at a time.</para>
/// <list type="number">
/// <item>Under the writers' lock, right after its durable change reached the operating system, a writer takes a
/// ticket: one above every ticket and every recorded sync so far (<see cref="Stamp"/>).</item>
/// <item>With the writers' lock released (so other writers go on meanwhile), it takes the sync lock
/// (<see cref="Flush"/>). If the recorded sync is at or past its ticket, a sync that began after its change was
/// written has finished: the change is on disk, and it returns. Otherwise it reads the last ticket handed out, syncs the
/// data file (an fsync covers every change any process wrote to the file before it began, so every ticket up to the
/// one read), records that ticket as synced, and releases the lock. Writers that took tickets while it synced queue
/// on the lock meanwhile; the first of them syncs for all of them.</item>
/// </list>
/// <para>So a durable change is on disk before <see cref="Flush"/> returns, whoever synced it. A process killed at any
/// step costs nothing: the kernel drops its lock, and the record of a sync is only written after the sync. Whatever the
/// side file holds (left by a crash, a power cut, an older file beside a restored data file, garbage), a value that
/// fails its check is ignored, and a new ticket is always above the recorded sync, so no change is ever taken as
/// synced by a sync that began before it. Any fault of the side file itself (it cannot be created, read or written)
/// makes the writer sync on its own, as it would without group commit.</para>
/// <para>Only on Linux and macOS, where <see cref="InterProcessLock"/> is a blocking <c>flock(2)</c>; elsewhere
/// <see cref="Beside"/> gives none and every durable change syncs on its own.</para>
/// </remarks>
internal sealed class GroupCommit : IDisposable
{
    /// <summary>A ticket that makes <see cref="Flush"/> sync whatever the side file says.</summary>
    public const long NoTicket = 0;

    // Each value is followed by itself XOR this word: a zero-filled (new) file, a torn read or a foreign file fails it.
    private const long CheckWord = 0x5D1A_15C0_4417_0B5E;
    private const int StampedAt = 0;
    private const int SyncedAt = 16;

    private readonly string path;
    private readonly object openGate = new();

    // flock(2) is held by an open file description, which the threads of this process share: they take turns here.
    private readonly object syncGate = new();
    private SafeFileHandle? handle;

    /// <summary>Group commit through the side file <paramref name="path"/> (created when first used).</summary>
    public GroupCommit(string path) => this.path = Path.GetFullPath(path);

    /// <summary>The side file.</summary>
    public string FilePath => path;

    /// <summary>Group commit for the data file <paramref name="dataPath"/> (side file <c>dataPath.sync</c>) where the
    /// platform has <c>flock(2)</c>; null elsewhere.</summary>
    public static GroupCommit? Beside(string dataPath) =>
        InterProcessLock.IsFlock ? new GroupCommit(Path.GetFullPath(dataPath) + ".sync") : null;

    /// <summary>Under the writers' lock, right after a durable change was written (not yet synced): its ticket for
    /// <see cref="Flush"/>, or <see cref="NoTicket"/> when the side file cannot be used. Never throws: the change is
    /// already written, and its caller must not take it for failed.</summary>
    public long Stamp()
    {
        try
        {
            if (Handle() is not { } file)
            {
                return NoTicket;
            }

            // The writers' lock keeps other stampers out, so the last ticket reads whole; a sync being recorded at this
            // moment may read torn, and is then ignored: it records a ticket already handed out, at most the last one.
            var (stamped, synced) = Read(file);
            var ticket = Math.Max(stamped ?? 0, synced ?? 0) + 1;
            Write(file, StampedAt, ticket);
            return ticket;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return NoTicket;
        }
    }

    /// <summary>After the writers' lock was released: returns once the change stamped <paramref name="ticket"/> is on
    /// disk, calling <paramref name="sync"/> (which syncs the data file) unless a sync that began after the change was
    /// written has already finished.</summary>
    /// <param name="ticket">What <see cref="Stamp"/> gave the change (<see cref="NoTicket"/>: sync regardless).</param>
    /// <param name="sync">Syncs the data file to disk; its exceptions reach the caller.</param>
    /// <returns>Whether this call synced (false: another writer's sync covered the change).</returns>
    public bool Flush(long ticket, Action sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        lock (syncGate)
        {
            var file = ticket == NoTicket ? null : Locked();
            if (file is null)
            {
                sync();
                return true;
            }

            try
            {
                long covered;
                try
                {
                    var (stamped, synced) = Read(file);
                    if (synced >= ticket)
                    {
                        return false;
                    }

                    // Every ticket up to the last one handed out belongs to a change written before it was stamped, so
                    // before the sync below begins: one sync covers them all. (A stamp being written right now may
                    // read torn: then this change's own ticket is what is covered.)
                    covered = Math.Max(stamped ?? ticket, ticket);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    covered = NoTicket;
                }

                sync();
                if (covered != NoTicket)
                {
                    TryWrite(file, SyncedAt, covered);
                }

                return true;
            }
            finally
            {
                if (!InterProcessLock.Unlock(file))
                {
                    Dispose();
                }
            }
        }
    }

    /// <summary>Closes the side file (it is opened again when next needed).</summary>
    public void Dispose()
    {
        lock (openGate)
        {
            handle?.Dispose();
            handle = null;
        }
    }

    /// <summary>The side file with its lock taken, or null when it cannot be opened or locked.</summary>
    private SafeFileHandle? Locked()
    {
        try
        {
            if (Handle() is { } file)
            {
                InterProcessLock.Lock(file, path);
                return file;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    private SafeFileHandle? Handle()
    {
        lock (openGate)
        {
            try
            {
                return handle ??= InterProcessLock.OpenShared(path);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>The last ticket and the recorded sync, in one read; each null when it fails its check (missing, torn,
    /// foreign).</summary>
    private static (long? Stamped, long? Synced) Read(SafeFileHandle file)
    {
        Span<byte> bytes = stackalloc byte[32];
        var read = RandomAccess.Read(file, bytes, 0);
        return (Value(bytes[..Math.Min(read, 16)]), Value(bytes[SyncedAt..Math.Max(read, SyncedAt)]));
    }

    private static long? Value(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16)
        {
            return null;
        }

        var value = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        return (value ^ CheckWord) == BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]) ? value : null;
    }

    private static void Write(SafeFileHandle file, int at, long value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], value ^ CheckWord);
        RandomAccess.Write(file, bytes, at); // One write: a reader under the same lock sees all of it or none.
    }

    /// <summary>Records a sync; one that cannot be recorded only makes later writers sync for themselves.</summary>
    private static void TryWrite(SafeFileHandle file, int at, long value)
    {
        try
        {
            Write(file, at, value);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
    }
}
