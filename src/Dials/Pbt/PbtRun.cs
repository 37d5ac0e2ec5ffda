using Dials.Samplers;

namespace Dials.Pbt;

/// <summary>One population-based training run: the members, what is known of each between rounds, and the rounds.
/// <see cref="PopulationBasedTraining"/> checks the arguments; this does the work.</summary>
internal sealed class PbtRun<T>
{
    // Distinguishes this run's random stream from a sampler's, which derive theirs from the same kind of seed.
    private const long ExplorePurpose = 0x5042_5400;
    private const int MostLeftovers = 10_000;

    private readonly Study<T> study;
    private readonly PbtOptions options;
    private readonly ICheckpointStore store;
    private readonly IPopulationMember<T>[] members;
    private readonly double[]?[] points;
    private readonly int[] steps;
    private readonly string[] checkpoints;
    private readonly double[] scores;
    private readonly string[] how;
    private readonly List<PbtSegmentState>[] schedules;
    private readonly List<PbtRound> rounds = [];
    private long seed;
    private int roundsDone;
    private bool finished;

    public PbtRun(Study<T> study, PbtOptions options, ICheckpointStore store, Func<int, IPopulationMember<T>> createMember)
    {
        this.study = study;
        this.options = options;
        this.store = store;
        var size = options.PopulationSize;
        members = [.. Enumerable.Range(0, size).Select(createMember)];
        points = new double[]?[size];
        steps = new int[size];
        checkpoints = new string[size];
        scores = new double[size];
        how = new string[size];
        schedules = [.. Enumerable.Range(0, size).Select(_ => new List<PbtSegmentState>())];
    }

    private int Size => options.PopulationSize;

    private int TotalRounds => (options.Steps + options.Interval - 1) / options.Interval;

    public async Task<PbtResult<T>> RunAsync(IReadOnlyList<T>? initial, CancellationToken cancellationToken)
    {
        if (PbtState.Read(store) is { } saved)
        {
            await ResumeAsync(saved, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            seed = options.Seed ?? TrialRandom.NewSeed();
            for (var m = 0; m < Size; m++)
            {
                points[m] = initial is null ? null : study.Space.Encode(initial[m]);
                how[m] = initial is null ? "" : "given";
            }
        }

        for (var round = roundsDone; round < TotalRounds && !finished; round++)
        {
            var length = Math.Min(options.Interval, options.Steps - (round * options.Interval));
            var trials = AskAll(round, length);
            await TrainAllAsync(trials, length, cancellationToken).ConfigureAwait(false);
            await SaveCheckpointsAsync(round, cancellationToken).ConfigureAwait(false);
            finished = round == TotalRounds - 1;
            if (!finished)
            {
                await ExploitAndExploreAsync(round, cancellationToken).ConfigureAwait(false);
            }

            roundsDone = round + 1;
            await StateNow().WriteAsync(store, cancellationToken).ConfigureAwait(false);
            if (round > 0)
            {
                // Nothing refers to the previous round's checkpoints once this round's state is written.
                for (var m = 0; m < Size; m++)
                {
                    store.Delete(CheckpointName(round - 1, m));
                }
            }
        }

        return Result();
    }

    private static string CheckpointName(int round, int member) => $"round-{round}-member-{member}.ckpt";

    /// <summary>Starts one trial per member for this round: the sampler's proposals in a fresh run's first round, the
    /// members' own configurations (queued in the study, with how they came about) otherwise.</summary>
    private Trial<T>[] AskAll(int round, int length)
    {
        var trials = new Trial<T>[Size];
        for (var m = 0; m < Size; m++)
        {
            if (points[m] is not { } point)
            {
                trials[m] = study.Ask();
                points[m] = study.Space.Encode(trials[m].Config);
                how[m] = $"proposed by {trials[m].Strategy}";
                continue;
            }

            var from = steps[m];
            var reason = $"population-based training, member {m}, round {round}, steps {from}-{from + length}: {how[m]}";
            trials[m] = AskFor(point, reason);
        }

        return trials;
    }

    /// <summary>Queues <paramref name="point"/> and starts its trial. Points a killed run queued but never started are
    /// ahead of it in the queue: they are recorded Failed, so that the trial started is this one.</summary>
    private Trial<T> AskFor(double[] point, string reason)
    {
        var config = study.Space.Decode(point);
        var wanted = study.Space.Encode(config);
        study.Enqueue(config, reason);
        for (var leftovers = 0; leftovers < MostLeftovers; leftovers++)
        {
            var trial = study.Ask();
            if (study.Space.Encode(trial.Config).AsSpan().SequenceEqual(wanted))
            {
                return trial;
            }

            study.Tell(trial, TrialState.Failed, "a point queued by a population-based training run that stopped before training it");
        }

        throw new InvalidOperationException($"Study '{study.Name}' holds more than {MostLeftovers} queued points ahead of this run's.");
    }

    private async Task TrainAllAsync(Trial<T>[] trials, int length, CancellationToken cancellationToken)
    {
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Size),
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (m, token) => await TrainAsync(m, trials[m], length, token).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            foreach (var trial in trials.Where(t => !t.IsFinished))
            {
                study.Tell(trial, TrialState.Failed, "population-based training stopped during this interval");
            }
        }
    }

    private async Task TrainAsync(int m, Trial<T> trial, int length, CancellationToken cancellationToken)
    {
        var from = steps[m];
        string? failure = null;
        var score = double.NaN;
        try
        {
            await members[m].TrainAsync(trial.Config, from, length, cancellationToken).ConfigureAwait(false);
            score = await members[m].EvaluateAsync(cancellationToken).ConfigureAwait(false);
            if (!double.IsFinite(score))
            {
                failure = $"member {m} evaluated to {score} after step {from + length}";
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = $"member {m} failed between steps {from} and {from + length}: {exception.Message}";
        }

        scores[m] = failure is null ? score : double.NaN;
        steps[m] = from + length;
        var segments = schedules[m];
        if (segments is [.., var last] && how[m] == "continued" && last.Point.AsSpan().SequenceEqual(points[m]))
        {
            segments[^1] = last with { Steps = last.Steps + length };
        }
        else
        {
            segments.Add(new PbtSegmentState(from, length, [.. points[m]!], trial.Number, how[m]));
        }

        how[m] = "continued";
        if (failure is null)
        {
            study.Tell(trial, score);
        }
        else
        {
            study.Tell(trial, TrialState.Failed, failure);
        }
    }

    private async Task SaveCheckpointsAsync(int round, CancellationToken cancellationToken)
    {
        for (var m = 0; m < Size; m++)
        {
            var member = members[m];
            checkpoints[m] = CheckpointName(round, m);
            await store.WriteAsync(checkpoints[m], member.SaveAsync, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Truncation selection: the worst ⌈share × population⌉ members each copy one of as many best (exploit),
    /// then perturb or resample what they copied (explore).</summary>
    private async Task ExploitAndExploreAsync(int round, CancellationToken cancellationToken)
    {
        if (!options.Exploit && !options.Explore)
        {
            return;
        }

        var ranked = Enumerable.Range(0, Size).Order(Comparer<int>.Create(CompareMembers)).ToArray();
        var count = Math.Max(1, (int)Math.Ceiling(options.Truncation * Size));
        var random = new TrialRandom(seed, round, ExplorePurpose);
        var changes = new List<string>();
        foreach (var worse in ranked[^count..])
        {
            string change;
            if (options.Exploit)
            {
                var better = ranked[random.NextInt(count)];
                await CopyAsync(from: better, to: worse, cancellationToken).ConfigureAwait(false);
                change = $"copied member {better} (score {Format(scores[better])} against {Format(scores[worse])})";
            }
            else
            {
                change = $"kept its weights (score {Format(scores[worse])})";
            }

            if (options.Explore)
            {
                var (explored, what) = PbtExplorer.Explore(study.Space, points[worse], options, random);
                points[worse] = explored;
                change += $"; {what}";
            }

            how[worse] = change;
            changes.Add($"member {worse}: {change}");
        }

        rounds.Add(new PbtRound(round, (round + 1) * options.Interval, changes));
    }

    private async Task CopyAsync(int from, int to, CancellationToken cancellationToken)
    {
        await LoadAsync(to, checkpoints[from], cancellationToken).ConfigureAwait(false);
        points[to] = [.. points[from]!];
        steps[to] = steps[from];
        checkpoints[to] = checkpoints[from];
        schedules[to] = [.. schedules[from]];
    }

    /// <summary>Better first; a failed member (NaN) last; equals by index.</summary>
    private int CompareMembers(int a, int b)
    {
        var (x, y) = (scores[a], scores[b]);
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.IsNaN(x) == double.IsNaN(y) ? a.CompareTo(b) : double.IsNaN(x) ? 1 : -1;
        }

        var order = study.Direction == Direction.Minimize ? x.CompareTo(y) : y.CompareTo(x);
        return order != 0 ? order : a.CompareTo(b);
    }

    private async Task LoadAsync(int member, string checkpoint, CancellationToken cancellationToken)
    {
        var stream = store.OpenRead(checkpoint) ?? throw new InvalidDataException(
            $"The checkpoint '{checkpoint}' for member {member} is missing from the population-based training store.");
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                await members[member].LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new InvalidDataException($"The checkpoint '{checkpoint}' for member {member} cannot be read: {exception.Message}", exception);
            }
        }
    }

    private async Task ResumeAsync(PbtState saved, CancellationToken cancellationToken)
    {
        if (saved.Study != study.Name || saved.PopulationSize != Size || saved.Interval != options.Interval || saved.Steps != options.Steps
            || saved.Members.Length != Size)
        {
            throw new InvalidDataException(
                $"The population-based training store holds a run of study '{saved.Study}' with {saved.PopulationSize} members, interval " +
                $"{saved.Interval} and {saved.Steps} steps; this run is of study '{study.Name}' with {Size} members, interval {options.Interval} " +
                $"and {options.Steps} steps. Use another store (or the same options) to resume.");
        }

        seed = saved.Seed;
        roundsDone = saved.RoundsDone;
        finished = saved.Finished;
        rounds.AddRange(saved.Rounds);
        for (var m = 0; m < Size; m++)
        {
            var member = saved.Members[m];
            points[m] = member.Point;
            steps[m] = member.StepsTrained;
            checkpoints[m] = member.Checkpoint;
            scores[m] = member.Score;
            schedules[m] = [.. member.Schedule];
            how[m] = member.How;
            await LoadAsync(m, member.Checkpoint, cancellationToken).ConfigureAwait(false);
        }
    }

    private PbtState StateNow() => new()
    {
        Study = study.Name,
        PopulationSize = Size,
        Interval = options.Interval,
        Steps = options.Steps,
        Seed = seed,
        RoundsDone = roundsDone,
        Finished = finished,
        Members = [.. Enumerable.Range(0, Size).Select(m => new PbtMemberState(points[m]!, steps[m], checkpoints[m], scores[m], [.. schedules[m]], how[m]))],
        Rounds = [.. rounds],
    };

    private PbtResult<T> Result()
    {
        var all = Enumerable.Range(0, Size).Select(m => new PbtMember<T>(
            m,
            scores[m],
            study.Space.Decode(points[m]),
            [.. schedules[m].Select(s => new PbtSegment<T>(s.FromStep, s.Steps, study.Space.Decode(s.Point), s.Trial, s.How))],
            checkpoints[m])).ToArray();
        var winner = all[Enumerable.Range(0, Size).Order(Comparer<int>.Create(CompareMembers)).First()];
        return new PbtResult<T>(all, winner, [.. rounds]);
    }

    private static string Format(double score) => double.IsNaN(score) ? "failed" : score.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
