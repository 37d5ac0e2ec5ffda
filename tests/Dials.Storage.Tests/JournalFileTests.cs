using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Dials.Storage.Journal;

namespace Dials.Storage.Tests;

public sealed class JournalFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-journal-").FullName;
    private readonly ConcurrentQueue<string> warnings = new();

    private string JournalPath => Path.Combine(directory, "study.jsonl");

    [Fact]
    public void Appended_lines_are_read_back_by_a_fresh_reader_in_order()
    {
        var writer = Open();
        Append(writer, "a", "b");
        Append(writer, "c");

        Assert.Equal(["a", "b", "c"], ReadNew(Open()));
        Assert.Empty(ReadNew(writer)); // The writer has seen its own lines.
    }

    [Fact]
    public void Each_transaction_sees_what_others_appended_before_it()
    {
        var first = Open();
        var second = Open();
        Append(first, "from first");

        var seen = Append(second, "from second");

        Assert.Equal(["from first"], seen);
        Assert.Equal(["from second"], ReadNew(first));
    }

    [Fact]
    public void Concurrent_writers_allocate_gap_free_unique_numbers()
    {
        // Each writer numbers its record by how many records precede it, as trial numbers are allocated; the lock makes
        // read-decide-append atomic, so no two writers can take the same number.
        var writers = Enumerable.Range(0, 6).Select(_ => Open()).ToArray();
        var counts = new int[writers.Length];
        Parallel.For(0, writers.Length, w =>
        {
            for (var n = 0; n < 40; n++)
            {
                writers[w].Append((_, _) => counts[w]++, () => Lines((counts[w]++).ToString(CultureInfo.InvariantCulture)), durable: true)?.Complete();
            }
        });

        var numbers = ReadNew(Open()).Select(int.Parse).ToList();
        Assert.Equal(Enumerable.Range(0, 240), numbers);
    }

    [Fact]
    public void A_torn_tail_is_skipped_with_a_warning_and_earlier_records_survive()
    {
        Append(Open(), "one", "two");
        File.AppendAllText(JournalPath, "{\"half a rec", Encoding.UTF8); // A write cut short by a crash.

        var reader = Open();
        Assert.Equal(["one", "two"], ReadNew(reader)); // Outside the lock an unterminated tail may still be in flight.
        Assert.Empty(warnings);

        var resumed = Open();
        var seen = Append(resumed, "three");

        Assert.Equal(["one", "two"], seen);
        Assert.Contains(warnings, w => w.Contains("torn record at line 3", StringComparison.Ordinal));
        var all = ReadNew(Open());
        Assert.Equal(["one", "two", "{\"half a rec", "three"], all); // The fragment sits on its own line; "three" is intact.
    }

    [Fact]
    public void An_append_must_end_with_a_line_end()
    {
        // A record without its line end would be glued to the next writer's record.
        Assert.Throws<ArgumentException>(() => Open().Append((_, _) => { }, () => Encoding.UTF8.GetBytes("one\nunterminated"), durable: true));
        Assert.Empty(ReadNew(Open()));
    }

    [Fact]
    public void A_durable_append_leaves_its_sync_to_the_caller_and_the_file_open_for_it_until_then()
    {
        var writer = Open();
        Assert.Null(writer.Append((_, _) => { }, () => Lines("not durable"), durable: false));
        Assert.Null(writer.Append((_, _) => { }, () => ReadOnlyMemory<byte>.Empty, durable: true)); // nothing written
        var sync = writer.Append((_, _) => { }, () => Lines("durable"), durable: true);
        Assert.NotNull(sync);

        // Another thread may close the journal (after an I/O error, or on dispose) before the sync: it still happens.
        writer.Dispose();
        sync.Complete();
        sync.Complete(); // only the first call syncs and lets the file go

        Assert.Equal(["not durable", "durable"], ReadNew(Open()));
    }

    [Fact]
    public void A_truncated_journal_is_a_clear_error()
    {
        var reader = Open();
        Append(reader, "one", "two");
        File.WriteAllText(JournalPath, "");
        var error = Assert.Throws<InvalidDataException>(() => ReadNew(reader));
        Assert.Contains("shrank", error.Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private JournalFile Open() => new(JournalPath, warnings.Enqueue);

    /// <summary>The new lines, as text.</summary>
    internal static List<string> ReadNew(JournalFile file)
    {
        var lines = new List<string>();
        file.ReadNew((_, line) => lines.Add(Encoding.UTF8.GetString(line)));
        return lines;
    }

    /// <summary>Appends <paramref name="append"/> under the lock; returns the lines others appended before.</summary>
    internal static List<string> Append(JournalFile file, params string[] append)
    {
        var lines = new List<string>();
        file.Append((_, line) => lines.Add(Encoding.UTF8.GetString(line)), () => Lines(append), durable: true)?.Complete();
        return lines;
    }

    /// <summary>Lines as <see cref="JournalFile.Append"/> appends them: UTF-8, each ended by its line end.</summary>
    internal static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
}
