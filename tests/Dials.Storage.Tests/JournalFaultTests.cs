using System.Diagnostics;
using System.Text;
using Dials.Storage.Journal;

namespace Dials.Storage.Tests;

/// <summary>
/// Lasting I/O faults fail at once, naming the file and the operating system's error; only another holder of the lock
/// makes a writer wait. And a journal is read in bounded chunks, however large.
/// </summary>
public sealed class JournalFaultTests : IDisposable
{
    /// <summary>Far longer than any fault may take to be reported, yet finite: a writer retrying forever fails the test.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string directory = Directory.CreateTempSubdirectory("dials-journal-faults-").FullName;

    [Fact]
    public async Task A_lock_file_name_over_the_length_limit_fails_at_once_naming_the_file()
    {
        // 253 characters: the journal's own name fits the usual 255-byte limit (NAME_MAX), its lock file's does not.
        var journal = Path.Combine(directory, new string('j', 247) + ".jsonl");
        var storage = new JournalStorage(journal, _ => { });

        var error = await FailsWithin<IOException>(() => storage.CreateStudy(new StoredStudy("s", Direction.Minimize, "x: float in [0, 1]"), true));

        Assert.Contains(journal + ".lock", error.Message);
        Assert.Contains("errno", error.Message); // The operating system's error, in its words and number.
    }

    [Fact]
    public async Task A_lock_path_that_is_a_folder_fails_at_once()
    {
        var journal = Path.Combine(directory, "study.jsonl");
        Directory.CreateDirectory(journal + ".lock");

        var error = await FailsWithin<IOException>(() => Append(journal, "a"));

        Assert.Contains(journal + ".lock", error.Message);
    }

    [Fact]
    public async Task A_read_only_folder_fails_at_once_naming_the_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions.
        }

        var folder = Directory.CreateDirectory(Path.Combine(directory, "locked")).FullName;
        var journal = Path.Combine(folder, "study.jsonl");
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            if (CanWriteIn(folder))
            {
                // Running as root, where permissions do not stop writes: a folder that cannot exist (its parent is a
                // regular file) is the lasting fault instead.
                var file = Path.Combine(directory, "plain-file");
                File.WriteAllText(file, "");
                journal = Path.Combine(file, "study.jsonl");
            }

            var error = await FailsWithin<IOException>(() => Append(journal, "a"));

            Assert.Contains(Path.GetDirectoryName(journal)!, error.Message);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_writer_waits_while_another_process_holds_the_lock_and_goes_on_after()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // flock(1), the holder used here, is a Unix tool; Windows' exclusive open has the same test in JournalFileTests.
        }

        var journal = Path.Combine(directory, "study.jsonl");
        Append(journal, "first");
        using var release = new ManualResetEventSlim();
        // flock(1) takes the same flock(2) lock in another process and holds it until its shell reads a line.
        var start = new ProcessStartInfo("flock", [journal + ".lock", "sh", "-c", "echo held; read line"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var holder = Process.Start(start)!;
        Assert.Equal("held", await holder.StandardOutput.ReadLineAsync());

        var writer = Task.Run(() => Append(journal, "second"));
        var finishedEarly = await Task.WhenAny(writer, Task.Delay(TimeSpan.FromMilliseconds(500))) == writer;
        Assert.False(finishedEarly, "the writer must wait for the lock held by the other process");
        Assert.False(writer.IsFaulted);

        await holder.StandardInput.WriteLineAsync("go");
        await writer.WaitAsync(Patience);
        await holder.WaitForExitAsync();
        Assert.Equal(["first", "second"], File.ReadAllLines(journal));
    }

    [Fact]
    public void Lines_across_chunk_boundaries_and_longer_than_a_chunk_read_whole()
    {
        var journal = Path.Combine(directory, "study.jsonl");
        string[] lines = ["a", "bb", new string('c', 40), "", "dddd", new string('e', 7), "f"];
        File.WriteAllText(journal, string.Join('\n', lines) + "\n" + "torn tail");

        var file = new JournalFile(journal, _ => { }, chunkSize: 3);
        var read = new List<(long, string)>();
        file.ReadNew((number, line) => read.Add((number, Encoding.UTF8.GetString(line))));

        Assert.Equal([(1, "a"), (2, "bb"), (3, new string('c', 40)), (5, "dddd"), (6, new string('e', 7)), (7, "f")], read);
        Assert.Equal(Encoding.UTF8.GetByteCount(string.Join('\n', lines) + "\n"), file.Offset); // The tail waits.
    }

    [Fact]
    public void A_journal_over_2_GiB_is_streamed_in_bounded_chunks_not_read_into_one_array()
    {
        // A sparse file: 2.25 GiB long, a line end every MiB, holes in between (zeros, read without using disk space).
        const long Size = (2L << 30) + (256L << 20);
        const int LineLength = 1 << 20;
        var journal = Path.Combine(directory, "huge.jsonl");
        using (var stream = new FileStream(journal, FileMode.CreateNew, FileAccess.Write))
        {
            stream.SetLength(Size);
            for (long end = LineLength - 1; end < Size; end += LineLength)
            {
                stream.Position = end;
                stream.WriteByte((byte)'\n');
            }
        }

        var file = new JournalFile(journal, _ => { });
        long lines = 0, longest = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        file.ReadNew((_, line) =>
        {
            lines++;
            longest = Math.Max(longest, line.Length);
        });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(Size / LineLength, lines);
        Assert.Equal(LineLength - 1, longest);
        Assert.Equal(Size, file.Offset);
        Assert.True(allocated < 64L << 20, $"reading allocated {allocated} bytes; the unread rest must not be held at once");
    }

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
    }

    private static void Append(string journal, string line) =>
        new JournalFile(journal, _ => { }).Append((_, _) => { }, () => JournalFileTests.Lines(line), durable: true)?.Complete();

    /// <summary>Runs <paramref name="action"/> on another thread and expects it to throw
    /// <typeparamref name="TException"/> well before <see cref="Patience"/> runs out.</summary>
    private static async Task<TException> FailsWithin<TException>(Action action)
        where TException : Exception
    {
        var attempt = Task.Run(action);
        var ended = await Task.WhenAny(attempt, Task.Delay(Patience)) == attempt;
        Assert.True(ended, "a lasting I/O fault must fail, not be retried forever");
        return await Assert.ThrowsAnyAsync<TException>(() => attempt);
    }

    private static bool CanWriteIn(string folder)
    {
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), "");
            File.Delete(Path.Combine(folder, "probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
