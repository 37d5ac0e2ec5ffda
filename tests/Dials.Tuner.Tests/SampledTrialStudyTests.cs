using Dials.Samplers;
using Dials.Storage;
using Dials.Testing;

namespace Dials.Tuner.Tests;

/// <summary>How a study starts its trials: a quick sampler proposes inside the storage's step that creates the trial
/// (<see cref="IStudyStorage.CreateSampledTrial"/>), a slow one after it (CreateTrial, then SetTrialPoint), and a
/// sampler that fails inside the step fails its trial and stops the caller with its own exception.</summary>
public sealed class SampledTrialStudyTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dials-sampled-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_quick_sampler_proposes_inside_the_step_that_creates_each_trial()
    {
        // Proposals are timed on the study's clock, which stands still here: every proposal takes no time.
        var storage = new CountingStorage(new InMemoryStorage());
        var study = Study.Create(TestSpaces.Toy(),
            new StudyOptions { Storage = storage, Sampler = new FixedSampler(), TimeProvider = new ManualClock() });

        AskAndTell(study, 5);

        Assert.Equal((5, 0, 0), (storage.SampledCreations, storage.PlainCreations, storage.PointsSet));
        var trials = storage.ReadTrials(study.Name);
        Assert.All(trials, t => Assert.Equal((TrialState.Complete, "fixed", "always the same point"), (t.State, t.Strategy, t.StrategyReason)));
        Assert.All(trials, t => Assert.Equal(FixedSampler.Point, t.Point));
    }

    [Fact]
    public void A_slow_sampler_proposes_after_the_trial_is_created_once_a_proposal_has_shown_it_slow()
    {
        // Each proposal moves the study's clock on by 5 ms, well over the 0.2 ms a quick proposal may take.
        var clock = new ManualClock();
        var storage = new CountingStorage(new InMemoryStorage());
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions
        {
            Storage = storage, Sampler = new FixedSampler(takes: (clock, TimeSpan.FromMilliseconds(5))), TimeProvider = clock,
        });

        AskAndTell(study, 4);

        // The first proposal has nothing measured before it, so it is made inside the step; the other three are not.
        Assert.Equal((1, 3, 3), (storage.SampledCreations, storage.PlainCreations, storage.PointsSet));
        var trials = storage.ReadTrials(study.Name);
        Assert.All(trials, t => Assert.Equal((TrialState.Complete, "fixed"), (t.State, t.Strategy)));
        Assert.All(trials, t => Assert.Equal(FixedSampler.Point, t.Point));
    }

    [Fact]
    public void A_sampler_failing_inside_the_step_fails_its_trial_and_rethrows_its_own_exception()
    {
        var path = Path.Combine(directory, "study.jsonl");
        var failure = new ArgumentOutOfRangeException("history", "no more ideas");
        using var journal = new JournalStorage(path);
        var storage = new CountingStorage(journal);
        var study = Study.Create(TestSpaces.Toy(), new StudyOptions { Name = "s", Storage = storage, Sampler = new FixedSampler(failOnce: failure) });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => study.Ask());

        Assert.Same(failure, error);
        Assert.Equal((1, 0, 0), (storage.SampledCreations, storage.PlainCreations, storage.PointsSet));
        var failed = Assert.Single(study.GetResult().Trials);
        Assert.Equal(TrialState.Failed, failed.State);
        Assert.StartsWith("the sampler failed:", failed.FailReason, StringComparison.Ordinal);
        Assert.Contains("no more ideas", failed.FailReason, StringComparison.Ordinal);

        // Another handle on the journal (another process would open it so) finds no trial left running, and the study
        // goes on with the next one.
        using (var reader = new JournalStorage(path))
        {
            Assert.DoesNotContain(reader.ReadTrials("s"), t => t.State == TrialState.Running);
        }

        var next = study.Ask();
        Assert.Equal((1, "fixed"), (next.Number, next.Strategy));
        study.Tell(next, 1);
        using (var reader = new JournalStorage(path))
        {
            Assert.Equal([TrialState.Failed, TrialState.Complete], reader.ReadTrials("s").Select(t => t.State));
        }
    }

    private static void AskAndTell(Study<Toy> study, int trials)
    {
        for (var i = 0; i < trials; i++)
        {
            study.Tell(study.Ask(), i);
        }
    }

    /// <summary>Proposes one point, optionally moving the study's clock on first (a slow sampler) or failing its first proposal.</summary>
    private sealed class FixedSampler((ManualClock Clock, TimeSpan By)? takes = null, Exception? failOnce = null) : IProposingSampler
    {
        public static readonly double[] Point = [0.5, 3, 1];

        private Exception? failure = failOnce;

        public double[] Sample(SamplingContext context) => Propose(context).Point;

        public Proposal Propose(SamplingContext context)
        {
            if (Interlocked.Exchange(ref failure, null) is { } exception)
            {
                throw exception;
            }

            if (takes is { } slow)
            {
                slow.Clock.Advance(slow.By);
            }

            return new Proposal([.. Point], "fixed", "always the same point");
        }
    }

    /// <summary>Forwards to another storage, counting how the study creates trials and sets their points.</summary>
    private sealed class CountingStorage(IStudyStorage inner) : ForwardingStorage(inner), IStudyStorage
    {
        private int sampledCreations;
        private int plainCreations;
        private int pointsSet;

        public int SampledCreations => sampledCreations;

        public int PlainCreations => plainCreations;

        public int PointsSet => pointsSet;

        public NewTrial? CreateSampledTrial(string studyName, DateTimeOffset start, int? limit, TrialSampler sample)
        {
            Interlocked.Increment(ref sampledCreations);
            return Inner.CreateSampledTrial(studyName, start, limit, sample);
        }

        public override NewTrial? CreateTrial(string studyName, DateTimeOffset start, int? limit)
        {
            Interlocked.Increment(ref plainCreations);
            return base.CreateTrial(studyName, start, limit);
        }

        public override void SetTrialPoint(string studyName, int number, IReadOnlyList<double> point, string strategy, string? strategyReason)
        {
            Interlocked.Increment(ref pointsSet);
            base.SetTrialPoint(studyName, number, point, strategy, strategyReason);
        }
    }
}
