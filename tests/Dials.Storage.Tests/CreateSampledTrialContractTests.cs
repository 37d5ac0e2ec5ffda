using Dials.Samplers;

namespace Dials.Storage.Tests;

/// <summary>
/// <see cref="IStudyStorage.CreateSampledTrial"/>, for every back end: the trial it creates gets the point its sampler
/// proposes (or the queued one, without asking the sampler), within the limit, as <see cref="IStudyStorage.CreateTrial"/>
/// followed by <see cref="IStudyStorage.SetTrialPoint"/> would record it.
/// </summary>
public abstract partial class StorageContractTests
{
    [Fact]
    public void A_sampled_trial_is_created_with_the_proposed_point_strategy_and_reason()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        var finished = storage.CreateTrial("s", T0, null)!.Number;
        storage.SetTrialPoint("s", finished, [0.1], "random", null);
        storage.FinishTrial("s", finished, TrialState.Complete, 0.5, TimeSpan.FromSeconds(1), null);
        var running = storage.CreateTrial("s", T0, null)!.Number;
        storage.SetTrialPoint("s", running, [0.2], "random", null);
        var sampler = new CountingSampler(new Proposal([0.5], "TPE", "model of 2 trials: 1 good, 1 bad"));

        var created = Reopen(storage).CreateSampledTrial("s", T0.AddSeconds(3), null, sampler.Sample)!;

        Assert.Equal((2, (IReadOnlyList<double>?)null, (string?)null), (created.Number, created.QueuedPoint, created.QueuedReason));
        Assert.Equal([2], sampler.Numbers);

        // The sampler saw every earlier trial as it was; the new one, if shown, had no point yet.
        var seen = sampler.Seen[0];
        Assert.Equal([(0, TrialState.Complete, 0.1), (1, TrialState.Running, 0.2)],
            seen.Where(t => t.Number < 2).Select(t => (t.Number, t.State, t.Point.Single())));
        Assert.All(seen.Where(t => t.Number == 2), t => Assert.Empty(t.Point));
        Assert.DoesNotContain(seen, t => t.Number > 2);

        foreach (var reader in new[] { storage, Reopen(storage) })
        {
            var trial = reader.ReadTrials("s")[2];
            Assert.Equal((TrialState.Running, "TPE", "model of 2 trials: 1 good, 1 bad"), (trial.State, trial.Strategy, trial.StrategyReason));
            Assert.Equal([0.5], trial.Point);
            Assert.Equal(T0.AddSeconds(3), trial.Start);
        }

        // The point is recorded, so it cannot be set a second time.
        Assert.Throws<InvalidOperationException>(() => storage.SetTrialPoint("s", 2, [0.6], "random", null));
    }

    [Fact]
    public void A_sampled_trial_runs_a_queued_point_without_asking_the_sampler()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        storage.Enqueue("s", [0.25], "the defaults");
        var sampler = new CountingSampler(new Proposal([0.5], "TPE"));

        var queued = storage.CreateSampledTrial("s", T0, null, sampler.Sample)!;

        Assert.Equal((0, "the defaults"), (queued.Number, queued.QueuedReason));
        Assert.Equal([0.25], queued.QueuedPoint!);
        Assert.Empty(sampler.Numbers);
        var trial = Assert.Single(Reopen(storage).ReadTrials("s"));
        Assert.Equal((TrialState.Running, TrialRecord.QueuedStrategy, "the defaults"), (trial.State, trial.Strategy, trial.StrategyReason));
        Assert.Equal([0.25], trial.Point);

        // With the queue empty, the next one is sampled.
        Assert.Null(Reopen(storage).CreateSampledTrial("s", T0, null, sampler.Sample)!.QueuedPoint);
        Assert.Equal([1], sampler.Numbers);
        var sampled = storage.ReadTrials("s")[1];
        Assert.Equal("TPE", sampled.Strategy);
        Assert.Equal([0.5], sampled.Point);
    }

    [Fact]
    public void No_sampled_trial_is_created_at_the_limit_and_the_sampler_is_not_asked()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        storage.CreateTrial("s", T0, null);
        storage.CreateTrial("s", T0, null);
        storage.Enqueue("s", [0.25], null);
        var sampler = new CountingSampler(new Proposal([0.5], "TPE"));

        Assert.Null(storage.CreateSampledTrial("s", T0, limit: 2, sampler.Sample));
        Assert.Null(Reopen(storage).CreateSampledTrial("s", T0, limit: 1, sampler.Sample));

        Assert.Empty(sampler.Numbers);
        Assert.Equal(2, Reopen(storage).ReadTrials("s").Count);

        // Nothing was taken from the queue either: the next trial within a larger limit runs the queued point.
        Assert.Equal([0.25], storage.CreateSampledTrial("s", T0, limit: 3, sampler.Sample)!.QueuedPoint!);
    }

    [Fact]
    public void A_sampled_trial_whose_sampler_proposes_nothing_runs_without_a_point_until_one_is_set()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        var sampler = new CountingSampler(null);

        var created = storage.CreateSampledTrial("s", T0, null, sampler.Sample)!;

        Assert.Equal((0, (IReadOnlyList<double>?)null), (created.Number, created.QueuedPoint));
        Assert.Equal([0], sampler.Numbers);
        var trial = Assert.Single(Reopen(storage).ReadTrials("s"));
        Assert.Equal((TrialState.Running, (string?)null, (string?)null), (trial.State, trial.Strategy, trial.StrategyReason));
        Assert.Empty(trial.Point);

        Reopen(storage).SetTrialPoint("s", created.Number, [0.75], "random", "proposed after the trial was created");
        trial = Assert.Single(Reopen(storage).ReadTrials("s"));
        Assert.Equal(("random", "proposed after the trial was created"), (trial.Strategy, trial.StrategyReason));
        Assert.Equal([0.75], trial.Point);
    }

    [Fact]
    public void A_sampled_proposal_without_a_strategy_is_refused_and_not_recorded()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);

        Assert.Throws<ArgumentException>(() => storage.CreateSampledTrial("s", T0, null, (_, _) => new Proposal([0.5], " ")));

        Assert.All(Reopen(storage).ReadTrials("s"), t => Assert.Equal(((string?)null, 0), (t.Strategy, t.Point.Count)));
    }

    [Fact]
    public void Concurrent_workers_sampled_trials_get_unique_gap_free_numbers_each_with_its_own_point()
    {
        var storage = CreateStorage();
        storage.CreateStudy(Study(), false);
        var handles = Enumerable.Range(0, 4).Select(_ => Reopen(storage)).ToArray();
        var asked = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 4, w =>
        {
            while (handles[w].CreateSampledTrial("s", T0, limit: 60, (n, trials) =>
            {
                // Every trial numbered before this one is shown, whichever worker made it.
                Assert.Equal(Enumerable.Range(0, n), trials.Select(t => t.Number).Where(number => number < n));
                asked.Add(n);
                return new Proposal([n / 100.0], $"worker {w}");
            }) is { } trial)
            {
                Assert.True(handles[w].FinishTrial("s", trial.Number, TrialState.Complete, trial.Number, TimeSpan.Zero, null));
            }
        });

        Assert.Equal(Enumerable.Range(0, 60), asked.Order());
        var trials = Reopen(storage).ReadTrials("s");
        Assert.Equal(Enumerable.Range(0, 60), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal([t.Number / 100.0], t.Point));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    /// <summary>A <see cref="TrialSampler"/> that proposes one fixed point and records what it was asked.</summary>
    protected sealed class CountingSampler(Proposal? proposal)
    {
        /// <summary>The number of every trial it was asked to sample, in order.</summary>
        public List<int> Numbers { get; } = [];

        /// <summary>The trials it was shown at each call.</summary>
        public List<IReadOnlyList<TrialRecord>> Seen { get; } = [];

        public Proposal? Sample(int number, IReadOnlyList<TrialRecord> trials)
        {
            Numbers.Add(number);
            Seen.Add([.. trials]);
            return proposal;
        }
    }
}
