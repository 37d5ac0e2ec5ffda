using Dials.Pbt;
using Dials.Simulation.Pbt;
using Dials.Storage;

namespace Dials.Samplers.Tests.Pbt;

public sealed class PopulationBasedTrainingTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"dials-pbt-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static PbtOptions Options(ICheckpointStore? store = null) =>
        new() { PopulationSize = 2, Interval = 4, Steps = 40, Seed = 7, Checkpoints = store };

    [Theory]
    [InlineData(1, 4, 40, "PbtOptions.PopulationSize is 1")]
    [InlineData(2, 0, 40, "PbtOptions.Interval is 0")]
    [InlineData(2, 8, 4, "PbtOptions.Steps (4) is less than PbtOptions.Interval (8)")]
    public async Task Refused_options_are_named_and_nothing_is_recorded(int population, int interval, int steps, string message)
    {
        var study = Study.Create(PbtToy.Space, new StudyOptions { Direction = Direction.Maximize });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PopulationBasedTraining.RunAsync(study, _ => new PbtToy.Member(),
            new PbtOptions { PopulationSize = population, Interval = interval, Steps = steps }));

        Assert.Contains(message, error.Message);
        Assert.Empty(study.GetResult().Trials);
    }

    [Fact]
    public async Task Every_interval_is_a_trial_that_says_how_its_configuration_came_about()
    {
        var study = Study.Create(PbtToy.Space, new StudyOptions { Direction = Direction.Maximize });
        var result = await PopulationBasedTraining.RunAsync(study, _ => new PbtToy.Member(), Options(), PbtToy.Start);

        var trials = study.GetResult().Trials;
        Assert.Equal(2 * 10, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(9, result.Rounds.Count);
        Assert.All(result.Rounds, r => Assert.Contains("member", Assert.Single(r.Changes)));
        Assert.Contains(study.Snapshot().Trials, t => t.StrategyReason!.Contains("copied member", StringComparison.Ordinal));

        // The winner's schedule covers every step once, and each stretch is a recorded trial of that configuration.
        var schedule = result.Winner.Schedule;
        Assert.Equal(0, schedule[0].FromStep);
        Assert.Equal(40, schedule.Sum(s => s.Steps));
        Assert.All(schedule.Zip(schedule.Skip(1)), p => Assert.Equal(p.First.FromStep + p.First.Steps, p.Second.FromStep));
        Assert.All(schedule, s => Assert.Equal(s.Config[0], trials[s.Trial].Parameters["H0"]));
        Assert.Equal(result.Members.Max(m => m.Score), result.Winner.Score);
    }

    [Fact]
    public async Task A_killed_run_resumes_after_its_last_finished_round_and_ends_as_an_uninterrupted_one()
    {
        var uninterrupted = await PopulationBasedTraining.RunAsync(Study.Create(PbtToy.Space, new StudyOptions { Direction = Direction.Maximize }),
            _ => new PbtToy.Member(), Options(), PbtToy.Start);

        var journal = Path.Combine(folder, "study.jsonl");
        var store = new DirectoryCheckpointStore(Path.Combine(folder, "checkpoints"));
        using (var storage = new JournalStorage(journal))
        {
            var study = Study.Create(PbtToy.Space, new StudyOptions { Name = "toy", Direction = Direction.Maximize, Storage = storage });
            using var kill = new CancellationTokenSource();
            var trained = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PopulationBasedTraining.RunAsync(study,
                _ => new KilledAfter(() => ++trained == 11, kill), Options(store), PbtToy.Start, kill.Token));
        }

        using (var storage = new JournalStorage(journal))
        {
            var study = Study.Create(PbtToy.Space, new StudyOptions { Name = "toy", Direction = Direction.Maximize, Storage = storage });
            var resumed = await PopulationBasedTraining.RunAsync(study, _ => new PbtToy.Member(), Options(store), PbtToy.Start);

            Assert.Equal(uninterrupted.Winner.Score, resumed.Winner.Score);
            Assert.Equal(uninterrupted.Winner.Schedule.Select(s => (s.FromStep, s.Config)), resumed.Winner.Schedule.Select(s => (s.FromStep, s.Config)));
            var trials = study.GetResult().Trials;
            Assert.Equal(20, trials.Count(t => t.State == TrialState.Complete));
            Assert.Contains(trials, t => t.State == TrialState.Failed && t.FailReason!.Contains("stopped during this interval", StringComparison.Ordinal));

            // Run again: the store says the run finished, so nothing more is trained or recorded.
            var again = await PopulationBasedTraining.RunAsync(study, _ => new PbtToy.Member(), Options(store), PbtToy.Start);
            Assert.Equal(resumed.Winner.Score, again.Winner.Score);
            Assert.Equal(trials.Count, study.GetResult().Trials.Count);
        }
    }

    [Fact]
    public async Task Without_a_store_a_journal_study_keeps_the_checkpoints_beside_it_and_resumes_with_them()
    {
        var uninterrupted = await PopulationBasedTraining.RunAsync(Study.Create(PbtToy.Space, new StudyOptions { Direction = Direction.Maximize }),
            _ => new PbtToy.Member(), Options(), PbtToy.Start);
        var journal = Path.Combine(folder, "toy.jsonl");
        using (var storage = new JournalStorage(journal))
        {
            var study = Study.Create(PbtToy.Space, new StudyOptions { Name = "toy", Direction = Direction.Maximize, Storage = storage });
            using var kill = new CancellationTokenSource();
            var trained = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PopulationBasedTraining.RunAsync(study,
                _ => new KilledAfter(() => ++trained == 7, kill), Options(), PbtToy.Start, kill.Token));
        }

        Assert.True(File.Exists(Path.Combine(folder, "toy.jsonl.checkpoints", "toy", "pbt-state.json")));
        using (var storage = new JournalStorage(journal))
        {
            var study = Study.Create(PbtToy.Space, new StudyOptions { Name = "toy", Direction = Direction.Maximize, Storage = storage });
            var resumed = await PopulationBasedTraining.RunAsync(study, _ => new PbtToy.Member(), Options(), PbtToy.Start);
            Assert.Equal(uninterrupted.Winner.Score, resumed.Winner.Score);
        }
    }

    [Fact]
    public async Task A_checkpoint_that_cannot_be_read_is_an_error_naming_it()
    {
        var store = new DirectoryCheckpointStore(folder);
        var study = Study.Create(PbtToy.Space, new StudyOptions { Name = "toy", Direction = Direction.Maximize });
        await PopulationBasedTraining.RunAsync(study, _ => new PbtToy.Member(), Options(store) with { Steps = 8 }, PbtToy.Start);
        var state = File.ReadAllText(Path.Combine(folder, "pbt-state.json"));
        File.WriteAllText(Path.Combine(folder, "pbt-state.json"), state.Replace("\"Finished\": true", "\"Finished\": false", StringComparison.Ordinal));
        File.WriteAllBytes(Path.Combine(folder, "round-1-member-0.ckpt"), [1, 2, 3]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            PopulationBasedTraining.RunAsync(study, _ => new PbtToy.Member(), Options(store) with { Steps = 8 }, PbtToy.Start));
        Assert.Contains("'round-1-member-0.ckpt'", error.Message);

        var other = await Assert.ThrowsAsync<InvalidDataException>(() =>
            PopulationBasedTraining.RunAsync(study, _ => new PbtToy.Member(), Options(store) with { Steps = 12 }, PbtToy.Start));
        Assert.Contains("8 steps", other.Message);
        Assert.Contains("12 steps", other.Message);
    }

    [Fact]
    public async Task A_member_that_diverges_fails_its_trial_and_is_replaced_not_the_run()
    {
        var study = Study.Create(PbtToy.Space, new StudyOptions { Direction = Direction.Maximize });
        var result = await PopulationBasedTraining.RunAsync(study, m => m == 1 ? new Diverging() : new PbtToy.Member(), Options(), PbtToy.Start);

        var failed = study.GetResult().Trials.First(t => t.State == TrialState.Failed);
        Assert.Contains("member 1 evaluated to NaN after step 4", failed.FailReason);
        Assert.Contains("copied member 0 (score", result.Rounds[0].Changes[0]);
        Assert.True(double.IsFinite(result.Winner.Score));
    }

    /// <summary>A toy member whose process is killed (the token cancelled) when <paramref name="killNow"/> says so.</summary>
    private sealed class KilledAfter(Func<bool> killNow, CancellationTokenSource kill) : IPopulationMember<double[]>
    {
        private readonly PbtToy.Member inner = new();

        public ValueTask TrainAsync(double[] config, int fromStep, int steps, CancellationToken cancellationToken)
        {
            if (killNow())
            {
                kill.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return inner.TrainAsync(config, fromStep, steps, cancellationToken);
        }

        public ValueTask<double> EvaluateAsync(CancellationToken cancellationToken) => inner.EvaluateAsync(cancellationToken);

        public ValueTask SaveAsync(Stream checkpoint, CancellationToken cancellationToken) => inner.SaveAsync(checkpoint, cancellationToken);

        public ValueTask LoadAsync(Stream checkpoint, CancellationToken cancellationToken) => inner.LoadAsync(checkpoint, cancellationToken);
    }

    /// <summary>A member whose loss blows up in its first interval.</summary>
    private sealed class Diverging : IPopulationMember<double[]>
    {
        private readonly PbtToy.Member inner = new();
        private bool diverged = true;

        public ValueTask TrainAsync(double[] config, int fromStep, int steps, CancellationToken cancellationToken) =>
            inner.TrainAsync(config, fromStep, steps, cancellationToken);

        public ValueTask<double> EvaluateAsync(CancellationToken cancellationToken) =>
            diverged ? ValueTask.FromResult(double.NaN) : inner.EvaluateAsync(cancellationToken);

        public ValueTask SaveAsync(Stream checkpoint, CancellationToken cancellationToken) => inner.SaveAsync(checkpoint, cancellationToken);

        public ValueTask LoadAsync(Stream checkpoint, CancellationToken cancellationToken)
        {
            diverged = false;
            return inner.LoadAsync(checkpoint, cancellationToken);
        }
    }
}
