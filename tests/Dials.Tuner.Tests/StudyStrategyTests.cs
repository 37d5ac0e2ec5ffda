using Dials.Samplers;
using Dials.Storage;

namespace Dials.Tuner.Tests;

/// <summary>Every trial records the strategy that chose its point and why, whatever kind of sampler chose it.</summary>
public sealed class StudyStrategyTests
{
    [Fact]
    public async Task A_proposing_samplers_strategy_and_reason_are_recorded_with_each_trial()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new TwoPhaseSampler() });

        var seen = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        var result = await study.OptimizeAsync((toy, trial, _) =>
        {
            seen[trial.Number] = trial.Strategy;
            return ValueTask.FromResult(TestSpaces.Bowl(toy));
        }, trials: 4);

        Assert.Equal(
            [("start-up", "trial 0 of 2 before the model"), ("start-up", "trial 1 of 2 before the model"), ("model", null), ("model", null)],
            result.Trials.Select(t => (t.Strategy, t.StrategyReason)));
        Assert.Equal(result.Trials.Select(t => t.Strategy), study.Storage.ReadTrials(study.Name).Select(t => t.Strategy));
        Assert.Equal(result.Trials.Select(t => t.Strategy), seen.OrderBy(s => s.Key).Select(s => s.Value)); // the objective sees it too
    }

    [Fact]
    public void A_sampler_that_names_no_strategy_records_its_type_name()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new PlainSampler() });

        study.Tell(study.Ask(), 1);

        var trial = Assert.Single(study.GetResult().Trials);
        Assert.Equal((nameof(PlainSampler), (string?)null), (trial.Strategy, trial.StrategyReason));
    }

    [Fact]
    public void Queued_configurations_record_the_queued_strategy_and_the_reason_given()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new RandomSampler(1) });
        study.Enqueue(new Toy(0, 1, "a"), "the defaults");
        study.Enqueue(new Toy(1, 2, "b"));

        var asked = new List<Trial<Toy>>();
        for (var n = 0; n < 3; n++)
        {
            asked.Add(study.Ask());
            study.Tell(asked[^1], n);
        }

        Assert.Equal([(TrialRecord.QueuedStrategy, "the defaults"), (TrialRecord.QueuedStrategy, null), ("random", null)],
            asked.Select(t => (t.Strategy, t.StrategyReason)));
        Assert.Equal(
            [(TrialRecord.QueuedStrategy, "the defaults"), (TrialRecord.QueuedStrategy, null), ("random", null)],
            study.GetResult().Trials.Select(t => (t.Strategy, t.StrategyReason)));
    }

    [Fact]
    public void A_stale_trials_retry_records_which_trial_it_retries()
    {
        var clock = new ManualClock();
        var storage = new InMemoryStorage();
        var options = new StudyOptions
        {
            Name = "stale",
            Storage = storage,
            Sampler = new RandomSampler(1),
            TimeProvider = clock,
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            RetryStaleTrials = true,
        };

        // A worker without heartbeats asks a trial and goes quiet (a study object's own asked trials beat until told).
        var quiet = Study.Create(TestSpaces.Toy(), options with { HeartbeatInterval = Timeout.InfiniteTimeSpan });
        var abandoned = quiet.Ask();
        var study = Study.Create(TestSpaces.Toy(), options);
        clock.Advance(TimeSpan.FromMinutes(1));

        var retry = study.Ask();

        var trials = study.GetResult().Trials;
        Assert.Equal(TrialState.Failed, trials[abandoned.Number].State);
        Assert.Equal(abandoned.Point, retry.Point);
        Assert.Equal((TrialRecord.QueuedStrategy, $"retry of trial {abandoned.Number}, whose worker went quiet"),
            (trials[retry.Number].Strategy, trials[retry.Number].StrategyReason));
    }

    [Fact]
    public void A_proposal_without_a_strategy_fails_the_trial_clearly()
    {
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Sampler = new NamelessSampler() });

        var error = Assert.Throws<InvalidOperationException>(() => study.Ask());

        Assert.Contains("named no strategy", error.Message);
        var trial = Assert.Single(study.GetResult().Trials);
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Contains("named no strategy", trial.FailReason);
    }

    /// <summary>Two random trials, then "model" ones: the shape of a model-based sampler's phases.</summary>
    private sealed class TwoPhaseSampler : IProposingSampler
    {
        private readonly RandomSampler random = new(3);

        public double[] Sample(SamplingContext context) => Propose(context).Point;

        public Proposal Propose(SamplingContext context) => context.TrialNumber < 2
            ? new Proposal(random.Sample(context), "start-up", $"trial {context.TrialNumber} of 2 before the model")
            : new Proposal(random.Sample(context), "model");
    }

    private sealed class PlainSampler : ISampler
    {
        private readonly RandomSampler random = new(4);

        public double[] Sample(SamplingContext context) => random.Sample(context);
    }

    private sealed class NamelessSampler : IProposingSampler
    {
        private readonly RandomSampler random = new(5);

        public double[] Sample(SamplingContext context) => random.Sample(context);

        public Proposal Propose(SamplingContext context) => new(random.Sample(context), " ");
    }
}
