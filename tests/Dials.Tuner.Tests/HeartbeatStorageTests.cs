using Dials.Samplers;
using Dials.Storage;
using Dials.Testing;

namespace Dials.Tuner.Tests;

/// <summary>A study uses heartbeats only on a storage that keeps them (<see cref="IHeartbeatStorage"/>): a storage
/// with the bare contract runs studies without them, and refuses to be asked for them.</summary>
public sealed class HeartbeatStorageTests
{
    public static TheoryData<TimeSpan?, TimeSpan?> AskedForHeartbeats => new()
    {
        { TimeSpan.FromSeconds(1), null },
        { null, TimeSpan.FromMinutes(1) },
    };

    [Theory]
    [MemberData(nameof(AskedForHeartbeats))]
    public void Heartbeats_asked_of_a_storage_that_keeps_none_are_refused_by_name_before_anything_is_written(
        TimeSpan? interval, TimeSpan? staleAfter)
    {
        var storage = new BareStorage();

        var error = Assert.Throws<ArgumentException>(() => Study.Create(TestSpaces.Toy(), new StudyOptions
        {
            Name = "refused",
            Storage = storage,
            HeartbeatInterval = interval,
            StaleAfter = staleAfter,
        }));

        Assert.Contains("HeartbeatInterval and StaleAfter", error.Message);
        Assert.Contains(nameof(BareStorage), error.Message);
        Assert.Empty(storage.ListStudies());
    }

    [Fact]
    public async Task A_storage_without_heartbeats_runs_studies_and_their_queue_without_them()
    {
        var storage = new BareStorage();
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Storage = storage, Sampler = new RandomSampler(2) });
        study.Enqueue(new Toy(0.5, 3, "b"), "the defaults");

        var result = await study.OptimizeAsync(toy => toy.X, trials: 4, parallelism: 2);

        Assert.Equal(Enumerable.Range(0, 4), result.Trials.Select(t => t.Number));
        Assert.All(result.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal("the defaults", result.Trials[0].StrategyReason);
    }

    /// <summary>The bare storage contract, kept by an in-memory storage that is not shown to keep heartbeats.</summary>
    private sealed class BareStorage() : ForwardingStorage(new InMemoryStorage());
}
