namespace Dials.Storage.Tests;

/// <summary>
/// Group commit: a writer skips its own sync only when a sync that began after its change was written has finished.
/// Each <see cref="GroupCommit"/> below opens the side file on its own, so its lock excludes the others as another
/// process's would. Group commit needs <c>flock(2)</c>, so these run on Linux and macOS.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-group-commit-").FullName;

    private string SidePath => Path.Combine(directory, "study.jsonl.sync");

    [Fact]
    public void A_writer_whose_change_another_sync_covered_does_not_sync()
    {
        if (!InterProcessLock.IsFlock)
        {
            return;
        }

        using var first = new GroupCommit(SidePath);
        using var second = new GroupCommit(SidePath);
        var syncs = 0;

        // Both changes are written (and stamped) before either syncs: the first sync covers both.
        var firstTicket = first.Stamp();
        var secondTicket = second.Stamp();

        Assert.True(first.Flush(firstTicket, () => syncs++));
        Assert.False(second.Flush(secondTicket, () => syncs++));
        Assert.Equal(1, syncs);
    }

    [Fact]
    public void A_change_written_after_the_last_sync_began_is_synced_again()
    {
        if (!InterProcessLock.IsFlock)
        {
            return;
        }

        using var first = new GroupCommit(SidePath);
        using var second = new GroupCommit(SidePath);
        var syncs = 0;

        Assert.True(first.Flush(first.Stamp(), () => syncs++));
        Assert.True(second.Flush(second.Stamp(), () => syncs++));
        Assert.True(first.Flush(first.Stamp(), () => syncs++));
        Assert.Equal(3, syncs);
    }

    [Fact]
    public void A_sync_recorded_ahead_of_every_ticket_never_covers_a_new_change()
    {
        if (!InterProcessLock.IsFlock)
        {
            return;
        }

        // A side file whose recorded sync is ahead of its last ticket (copied from beside another file, say, with the
        // ticket lost): a new change is stamped above the recorded sync, so it still syncs.
        var elsewhere = Path.Combine(directory, "other.jsonl.sync");
        using (var writer = new GroupCommit(elsewhere))
        {
            for (var i = 0; i < 50; i++)
            {
                writer.Flush(writer.Stamp(), () => { });
            }
        }

        var bytes = File.ReadAllBytes(elsewhere);
        Array.Clear(bytes, 0, 16); // the last ticket: unreadable; the recorded sync: 50
        File.WriteAllBytes(SidePath, bytes);
        using var later = new GroupCommit(SidePath);
        var synced = false;

        Assert.True(later.Flush(later.Stamp(), () => synced = true));
        Assert.True(synced);
    }

    [Fact]
    public void A_damaged_side_file_only_makes_writers_sync_for_themselves()
    {
        if (!InterProcessLock.IsFlock)
        {
            return;
        }

        File.WriteAllBytes(SidePath, [.. Enumerable.Repeat((byte)0xFF, 32)]);
        using var first = new GroupCommit(SidePath);
        using var second = new GroupCommit(SidePath);
        var syncs = 0;

        Assert.True(first.Flush(first.Stamp(), () => syncs++));
        Assert.True(second.Flush(second.Stamp(), () => syncs++));
        Assert.Equal(2, syncs);
    }

    [Fact]
    public void Without_a_ticket_a_writer_always_syncs()
    {
        if (!InterProcessLock.IsFlock)
        {
            return;
        }

        using var first = new GroupCommit(SidePath);
        var syncs = 0;
        first.Flush(first.Stamp(), () => syncs++);

        Assert.True(first.Flush(GroupCommit.NoTicket, () => syncs++));
        Assert.Equal(2, syncs);
    }

    [Fact]
    public void A_side_file_that_cannot_be_opened_falls_back_to_a_sync_per_change()
    {
        // A folder where the side file should be: it cannot be opened, yet every change is still synced.
        Directory.CreateDirectory(SidePath);
        using var writer = new GroupCommit(SidePath);
        var syncs = 0;

        var ticket = writer.Stamp();

        Assert.Equal(GroupCommit.NoTicket, ticket);
        Assert.True(writer.Flush(ticket, () => syncs++));
        Assert.Equal(1, syncs);
    }

    [Fact]
    public void Under_concurrent_writers_every_change_is_durable_when_its_flush_returns()
    {
        if (!InterProcessLock.IsFlock)
        {
            return;
        }

        // A model disk: a change is "written" under the writers' lock; a sync makes durable what was written when it
        // began, and takes a while. Whoever syncs, each writer's change must be durable once its Flush returns.
        var writersLock = new InterProcessLock(Path.Combine(directory, "study.jsonl.lock"));
        long written = 0;
        long durable = 0;
        var late = 0;
        var writers = Enumerable.Range(0, 6).Select(_ => new GroupCommit(SidePath)).ToArray();
        try
        {
            Parallel.For(0, writers.Length, new ParallelOptions { MaxDegreeOfParallelism = writers.Length }, w =>
            {
                for (var n = 0; n < 50; n++)
                {
                    long mine;
                    long ticket;
                    using (writersLock.Acquire())
                    {
                        mine = Interlocked.Increment(ref written);
                        ticket = writers[w].Stamp();
                    }

                    // Slow, so that other writers write and queue meanwhile (whether they do is up to the scheduler:
                    // A_writer_whose_change_another_sync_covered_does_not_sync shows the sharing itself).
                    writers[w].Flush(ticket, () =>
                    {
                        var begun = Interlocked.Read(ref written);
                        Thread.Sleep(1);
                        InterlockedMax(ref durable, begun);
                    });

                    if (Interlocked.Read(ref durable) < mine)
                    {
                        Interlocked.Increment(ref late);
                    }
                }
            });
        }
        finally
        {
            Array.ForEach(writers, w => w.Dispose());
        }

        Assert.Equal(0, late);
        Assert.Equal(300, Interlocked.Read(ref written));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
