using System.Text;

namespace Dials.Storage.Journal;

/// <summary>Receives one complete line of a journal: its 1-based line number and its UTF-8 bytes, without the line
/// end (and without a byte-order mark on line 1). The bytes are only valid during the call.</summary>
internal delegate void JournalLineHandler(long lineNumber, ReadOnlySpan<byte> line);

/// <summary>
/// An append-only file of text records, one a line, shared safely by threads and processes on one machine.
/// </summary>
/// <remarks>
/// <para>Appends happen inside <see cref="Append"/>, under an exclusive lock on a sibling <c>.lock</c> file (see
/// <see cref="InterProcessLock"/>: an advisory lock the operating system drops when its process dies, so a killed worker
/// never blocks the others). Each batch is written in one call under the lock and, when durable, flushed to disk
/// (fsync) by the caller once every lock is released (<see cref="DiskSync"/>), before a finished trial counts as told,
/// so workers' flushes overlap instead of queueing behind the lock.</para>
/// <para>Reading streams the new part of the file in bounded chunks (a journal may outgrow any one array); only a
/// line longer than a chunk makes the buffer grow, to that line's length.</para>
/// <para>A crash mid-write can leave a torn last line. Readers outside the lock hold an unterminated tail back (it may
/// still be being written); under the lock nobody is writing, so a tail without its newline is torn: it is reported
/// through the warning callback, terminated so later records start on a line of their own, and skipped. Earlier
/// records are never affected.</para>
/// </remarks>
internal sealed class JournalFile : IDisposable
{
    /// <summary>How much of the file is read at a time.</summary>
    public const int DefaultChunkSize = 1 << 20;

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private readonly string path;
    private readonly Action<string> warn;
    private readonly int chunkSize;
    private readonly InterProcessLock fileLock;
    private readonly object gate = new();
    private FileStream? stream;

    // The stream's handle, taken once per open: asking the stream for it each time costs a seek.
    private Microsoft.Win32.SafeHandles.SafeFileHandle? handle;
    private long offset;
    private long lineNumber;

    /// <summary>Opens (creating when needed) the journal at <paramref name="path"/>.</summary>
    /// <param name="path">The journal file.</param>
    /// <param name="warn">Receives a message for every torn line.</param>
    /// <param name="chunkSize">How many bytes are read at a time (small in tests, to exercise lines across chunks).</param>
    public JournalFile(string path, Action<string> warn, int chunkSize = DefaultChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        this.path = Path.GetFullPath(path);
        this.warn = warn;
        this.chunkSize = chunkSize;
        fileLock = new InterProcessLock(this.path + ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(this.path)!);
    }

    /// <summary>The journal's path.</summary>
    public string FilePath => path;

    /// <summary>How many bytes of the file have been read (complete lines only).</summary>
    public long Offset => offset;

    /// <summary>Passes the complete lines appended since the last read to <paramref name="onLine"/>, without taking
    /// the lock.</summary>
    public void ReadNew(JournalLineHandler onLine)
    {
        lock (gate)
        {
            ReadFrom(Stream(write: false), onLine, underLock: false);
        }
    }

    /// <summary>
    /// Under the exclusive lock: passes the lines appended since the last read to <paramref name="onLine"/>, lets
    /// <paramref name="decide"/> choose what to append given them, and appends it; the disk sync of a durable append is
    /// left to the caller, who completes it once it has released its own locks, so that the syncs of several threads
    /// overlap as those of several processes do.
    /// </summary>
    /// <param name="onLine">Receives each new line, before <paramref name="decide"/> is called.</param>
    /// <param name="decide">The UTF-8 lines to append, each ended by its line end (nothing to only read under the
    /// lock).</param>
    /// <param name="durable">Whether the appended lines are to be synced to disk (finished trials); otherwise they
    /// reach the operating system, visible to every process, and the next durable append makes them durable too.</param>
    /// <returns>The sync to complete before the append counts as durable; null when nothing durable was written. It
    /// must be completed (it keeps the file open until then).</returns>
    /// <exception cref="IOException">The lock or the journal cannot be used (a read-only file system, no space, a
    /// name too long): the message names the file and the operating system's error. Only another holder of the lock
    /// makes this wait.</exception>
    public DiskSync? Append(JournalLineHandler onLine, Func<ReadOnlyMemory<byte>> decide, bool durable)
    {
        lock (gate)
        {
            // The fsync of one worker's finished trial happens after every lock is released, and overlaps the next
            // worker's append (thread or process), instead of every worker queueing behind each flush. Concurrent fsyncs
            // of one file are committed together by the kernel (ext4's journal joins them), which a shared sync of our
            // own only slowed down (docs/benchmarks.md). The caller still returns only once its lines are on disk.
            return AppendUnderLock(onLine, decide) && durable ? new DiskSync(handle!, path) : null;
        }
    }

    /// <summary>Under the lock: reads, decides and writes (to the operating system, not yet to disk); returns whether
    /// something was written.</summary>
    private bool AppendUnderLock(JournalLineHandler onLine, Func<ReadOnlyMemory<byte>> decide)
    {
        using var held = fileLock.Acquire();
        var journal = Stream(write: true);
        try
        {
            ReadFrom(journal, onLine, underLock: true);
            var append = decide();
            if (append.IsEmpty)
            {
                return false;
            }

            if (append.Span[^1] != (byte)'\n')
            {
                throw new ArgumentException("Journal lines must each end with a line end.", nameof(decide));
            }

            // Under the lock the file ends where the read above stopped (a torn tail it ended included), so the lines go
            // there without asking the file's length again. One write: other readers see whole lines.
            RandomAccess.Write(handle!, append.Span, offset);
            offset += append.Length;
            lineNumber += append.Span.Count((byte)'\n');
            return true;
        }
        catch (IOException)
        {
            Dispose(); // Opened afresh next time, in case the handle itself is what failed.
            throw;
        }
    }

    /// <summary>Reads the complete lines between the offset and the end as the stream's length was on entry, a chunk
    /// at a time. The offset only ever moves past whole lines, so a line still being written is read again, whole,
    /// next time.</summary>
    internal void ReadFrom(Stream stream, JournalLineHandler onLine, bool underLock)
    {
        var end = stream.Length;
        if (end < offset)
        {
            throw new InvalidDataException($"Journal '{path}' shrank from {offset} to {end} bytes; it was truncated or replaced.");
        }

        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[(int)Math.Min(chunkSize, Math.Max(end - offset, 1))];
        var held = 0; // bytes at the start of the buffer: the beginning of a line not yet ended
        var position = offset;
        while (position < end)
        {
            if (held == buffer.Length)
            {
                // One line longer than the buffer: grow to hold it (bounded by that line, never by the file).
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
            }

            var read = stream.Read(buffer, held, (int)Math.Min(buffer.Length - held, end - position));
            if (read == 0)
            {
                break;
            }

            position += read;
            var filled = held + read;
            var start = 0;
            var searchFrom = held;
            int newline;
            while ((newline = buffer.AsSpan(searchFrom, filled - searchFrom).IndexOf((byte)'\n')) >= 0)
            {
                var lineEnd = searchFrom + newline;
                Deliver(buffer.AsSpan(start, lineEnd - start), onLine);
                start = lineEnd + 1;
                searchFrom = start;
            }

            offset += start;
            held = filled - start;
            buffer.AsSpan(start, held).CopyTo(buffer);
        }

        if (underLock && held > 0)
        {
            // Nobody else can be writing: an unterminated tail is what a crash left. End it so the next record starts
            // on a line of their own; the fragment is skipped here and by every later reader (it will not parse).
            warn($"Journal '{path}': skipped a torn record at line {lineNumber + 1} ({held} bytes without a line end), left by an interrupted write.");
            stream.Seek(0, SeekOrigin.End);
            stream.WriteByte((byte)'\n');
            (stream as FileStream)?.Flush(flushToDisk: true);
            offset = stream.Position;
            lineNumber++;
        }
    }

    private void Deliver(ReadOnlySpan<byte> line, JournalLineHandler onLine)
    {
        lineNumber++;
        if (lineNumber == 1 && line.StartsWith(ByteOrderMark))
        {
            // Editors and some tools on Windows start a UTF-8 file with a byte-order mark; it is not part of the record.
            line = line[ByteOrderMark.Length..];
        }

        if (line.EndsWith((byte)'\r'))
        {
            line = line[..^1]; // A line end rewritten as CRLF by an editor or a checkout.
        }

        if (!line.IsEmpty)
        {
            onLine(lineNumber, line);
        }
    }

    /// <summary>Closes the journal's handle (it is opened again when next needed).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            stream?.Dispose();
            stream = null;
            handle = null;
        }
    }

    /// <summary>The journal's handle, kept open between reads and writes so that neither pays for opening the file (a
    /// writer's open happens under the lock otherwise). Readers open it for reading only, so a read-only journal can
    /// be read; the first write reopens it for writing.</summary>
    private FileStream Stream(bool write)
    {
        if (stream is null || (write && !stream.CanWrite))
        {
            stream?.Dispose();
            stream = null;
            stream = Open(FileMode.OpenOrCreate, write ? FileAccess.ReadWrite : FileAccess.Read);
            handle = stream.SafeFileHandle;
        }

        return stream;
    }

    private FileStream Open(FileMode mode, FileAccess access)
    {
        try
        {
            return new(path, mode, access, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.None);
        }
        catch (UnauthorizedAccessException error)
        {
            // Not an IOException in .NET, but the same kind of lasting fault for the caller: say which file.
            throw new IOException($"Journal '{path}' cannot be opened: {error.Message}", error);
        }
    }
}
