using System.Text;

namespace Dials.Storage.Journal;

/// <summary>
/// An append-only file of text records, one a line, shared safely by threads and processes on one machine.
/// </summary>
/// <remarks>
/// <para>Appends happen inside <see cref="Transact"/>, under an exclusive lock on a sibling <c>.lock</c> file (an
/// advisory lock the operating system drops when its process dies, so a killed worker never blocks the others). Each
/// batch is written in one call and flushed to disk (fsync) before the lock is released, so a finished trial that was
/// told is durable.</para>
/// <para>A crash mid-write can leave a torn last line. Readers outside the lock hold an unterminated tail back (it may
/// still be being written); under the lock nobody is writing, so a tail without its newline is torn: it is reported
/// through the warning callback, terminated so later records start on a line of their own, and skipped. Earlier
/// records are never affected.</para>
/// </remarks>
internal sealed class JournalFile
{
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(2);
    private readonly string path;
    private readonly string lockPath;
    private readonly Action<string> warn;
    private readonly object gate = new();
    private long offset;
    private int lineNumber;

    /// <summary>Opens (creating when needed) the journal at <paramref name="path"/>.</summary>
    /// <param name="path">The journal file.</param>
    /// <param name="warn">Receives a message for every torn or skipped line.</param>
    public JournalFile(string path, Action<string> warn)
    {
        this.path = Path.GetFullPath(path);
        lockPath = this.path + ".lock";
        this.warn = warn;
        Directory.CreateDirectory(Path.GetDirectoryName(this.path)!);
    }

    /// <summary>The journal's path.</summary>
    public string FilePath => path;

    /// <summary>The complete lines appended since the last read, without taking the lock.</summary>
    public IReadOnlyList<string> ReadNew()
    {
        lock (gate)
        {
            using var stream = Open(FileMode.OpenOrCreate, FileAccess.Read);
            return ReadFrom(stream, underLock: false);
        }
    }

    /// <summary>
    /// Under the exclusive lock: reads the lines appended since the last read, lets <paramref name="decide"/> choose what
    /// to append given them, appends it durably, and returns the lines read.
    /// </summary>
    /// <param name="decide">Given the new lines, the lines to append (none to only read under the lock).</param>
    /// <param name="cancellationToken">Cancels the wait for the lock.</param>
    /// <param name="durable">Whether to fsync the appended lines before returning (finished trials); otherwise they
    /// reach the operating system, visible to every process, and the next durable append makes them durable too.</param>
    public IReadOnlyList<string> Transact(Func<IReadOnlyList<string>, IReadOnlyList<string>> decide, bool durable = true,
        CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            using var fileLock = AcquireLock(cancellationToken);
            using var stream = Open(FileMode.OpenOrCreate, FileAccess.ReadWrite);
            var lines = ReadFrom(stream, underLock: true);
            var append = decide(lines);
            if (append.Count > 0)
            {
                var text = new StringBuilder();
                foreach (var line in append)
                {
                    if (line.Contains('\n', StringComparison.Ordinal))
                    {
                        throw new ArgumentException("A journal record must be a single line.", nameof(decide));
                    }

                    text.Append(line).Append('\n');
                }

                var bytes = Encoding.UTF8.GetBytes(text.ToString());
                stream.Seek(0, SeekOrigin.End);
                stream.Write(bytes);
                stream.Flush(flushToDisk: durable);
                offset = stream.Position;
                lineNumber += append.Count;
            }

            return lines;
        }
    }

    private List<string> ReadFrom(FileStream stream, bool underLock)
    {
        var lines = new List<string>();
        if (stream.Length < offset)
        {
            throw new InvalidDataException($"Journal '{path}' shrank from {offset} to {stream.Length} bytes; it was truncated or replaced.");
        }

        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[stream.Length - offset];
        stream.ReadExactly(buffer);
        var start = 0;
        for (var i = 0; i < buffer.Length; i++)
        {
            if (buffer[i] != (byte)'\n')
            {
                continue;
            }

            lineNumber++;
            var line = Encoding.UTF8.GetString(buffer, start, i - start);
            if (line.Length > 0)
            {
                lines.Add(line);
            }

            start = i + 1;
        }

        offset += start;
        if (underLock && start < buffer.Length)
        {
            // Nobody else can be writing: an unterminated tail is what a crash left. End it so the next record starts
            // on a line of its own; the fragment is skipped here and by every later reader (it will not parse).
            warn($"Journal '{path}': skipped a torn record at line {lineNumber + 1} ({buffer.Length - start} bytes without a line end), left by an interrupted write.");
            stream.Seek(0, SeekOrigin.End);
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
            offset = stream.Position;
            lineNumber++;
        }

        return lines;
    }

    private FileStream Open(FileMode mode, FileAccess access) =>
        new(path, mode, access, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.None);

    /// <summary>Takes the inter-process lock: on Unix, .NET maps an exclusive open of the lock file to an advisory
    /// <c>flock</c>, which the kernel releases when the holder exits, however it exits.</summary>
    private FileStream AcquireLock(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                Thread.Sleep(LockRetry);
            }
        }
    }
}
