namespace Dials.Storage.Tests;

/// <summary>The copy-on-write trial list behind the in-memory ledgers: snapshots never see later changes.</summary>
public sealed class TrialListTests
{
    private static TrialRecord Record(int number, TrialState state = TrialState.Running) =>
        new(number, state, [number / 10_000.0], null, [], DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void A_snapshot_keeps_the_records_of_its_moment_across_chunks()
    {
        var list = new TrialList();
        for (var i = 0; i < 2500; i++)
        {
            list.Add(Record(i));
        }

        var before = list.Freeze();
        list[3] = Record(3, TrialState.Complete);
        list[2499] = Record(2499, TrialState.Failed);
        list.Add(Record(2500));

        Assert.Equal(2500, before.Count);
        Assert.Equal(TrialState.Running, before[3].State);
        Assert.Equal(TrialState.Running, before[2499].State);
        Assert.Equal(Enumerable.Range(0, 2500), before.Select(r => r.Number));
        var after = list.Freeze();
        Assert.Equal(2501, after.Count);
        Assert.Equal(TrialState.Complete, after[3].State);
        Assert.Equal(TrialState.Failed, after[2499].State);
        Assert.Equal(Enumerable.Range(0, 2501), after.Select(r => r.Number));
    }

    [Fact]
    public void Unchanged_lists_give_the_same_snapshot_and_out_of_range_is_refused()
    {
        var list = new TrialList();
        list.Add(Record(0));
        Assert.Same(list.Freeze(), list.Freeze());
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Freeze()[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1] = Record(0));
    }

    [Fact]
    public void A_snapshot_copies_out_in_order_and_refuses_changes()
    {
        var list = new TrialList();
        for (var i = 0; i < 2100; i++)
        {
            list.Add(Record(i));
        }

        var snapshot = list.Freeze();
        var copy = new TrialRecord[2102];
        ((ICollection<TrialRecord>)snapshot).CopyTo(copy, 2);
        Assert.Equal(Enumerable.Range(0, 2100), copy.Skip(2).Select(r => r.Number));
        Assert.Equal(Enumerable.Range(0, 2100), snapshot.ToList().Select(r => r.Number));
        Assert.Throws<NotSupportedException>(() => ((ICollection<TrialRecord>)snapshot).Add(Record(2100)));
    }

    [Fact]
    public void The_in_memory_storage_hands_out_reads_that_later_changes_leave_alone()
    {
        var storage = new InMemoryStorage();
        storage.CreateStudy(new StoredStudy("s", Direction.Minimize, "x"), false);
        storage.CreateTrial("s", DateTimeOffset.UnixEpoch, null);
        var read = storage.ReadTrials("s");

        storage.SetTrialPoint("s", 0, [0.5], "random", null);
        storage.FinishTrial("s", 0, TrialState.Complete, 1, TimeSpan.Zero, null);
        storage.CreateTrial("s", DateTimeOffset.UnixEpoch, null);

        Assert.Equal(TrialState.Running, Assert.Single(read).State);
        Assert.Empty(read[0].Point);
        Assert.Equal(2, storage.ReadTrials("s").Count);
        Assert.Equal(TrialState.Complete, storage.ReadTrials("s")[0].State);
    }
}
