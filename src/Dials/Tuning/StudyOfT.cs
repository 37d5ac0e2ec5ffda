using Dials.Pruners;
using Dials.Samplers;
using Dials.Storage;

namespace Dials;

/// <summary>
/// A search of the space of <typeparamref name="T"/> for the configuration that optimizes an objective: either run
/// by the study (<see cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>)
/// or driven by the caller's own loop (<see cref="Ask"/> and <see cref="Tell(Trial, double)"/>).
/// </summary>
/// <remarks>
/// <para>All trial state lives in the study's storage: the study re-reads the trials before every sample and counts
/// its budget there, so several study objects on one storage (threads, or processes with a durable storage) share
/// one study. Trial numbers come from the storage, from 0 and without gaps.</para>
/// <para>Sampling is serialized per study object (samplers need not be thread-safe), and running trials are shown
/// to the sampler so it can steer away from points being evaluated.</para>
/// </remarks>
/// <typeparam name="T">The hyperparameter type.</typeparam>
public sealed class Study<T> : ITrialHost
{
    private readonly IStudyStorage storage;
    private readonly TimeProvider clock;
    private readonly object samplingGate = new();
    private readonly CpuLedger cpu = new();
    private readonly Liveness? liveness;
    private readonly SampledTrials sampledTrials = new();

    // The heartbeat timers of the trials this object started and has not finished: also how a worker tells its own
    // running trials from those of other workers (threads of other study objects, other processes).
    private readonly Dictionary<int, IDisposable> heartbeats = [];

    // How many trials of the study were failed as stale (they do not count against the budget); -1 until first read.
    private int staleTrials = -1;

    // How long the sampler's last proposal took (zero before the first): a quick one is made inside the storage's step
    // that creates the trial (see Create).
    private TimeSpan lastProposal;

    internal Study(string name, SearchSpace<T> space, IReadOnlyList<Direction> directions, ISampler sampler, IPruner pruner,
        IStudyStorage storage, TimeProvider clock, Liveness? liveness = null)
    {
        this.liveness = liveness;
        Name = name;
        Space = space;
        Directions = directions;
        Direction = directions[0];
        Sampler = sampler;
        Pruner = pruner;
        this.storage = storage;
        this.clock = clock;
    }

    /// <summary>The study's name in its storage.</summary>
    public string Name { get; }

    /// <summary>Whether smaller or larger objective values are better (the first objective's, on a multi-objective
    /// study).</summary>
    public Direction Direction { get; }

    /// <summary>One direction per objective: [<see cref="Direction"/>] for a single-objective study.</summary>
    public IReadOnlyList<Direction> Directions { get; }

    /// <summary>The objectives' names, one per direction (<see cref="StudyOptions.ObjectiveNames"/>, or those stored with
    /// the study), or null when they are unnamed.</summary>
    public IReadOnlyList<string>? ObjectiveNames { get; init; }

    /// <summary>Whether the study has several objectives (<see cref="StudyOptions.Directions"/>).</summary>
    public bool IsMultiObjective => Directions.Count > 1;

    /// <summary>The search space.</summary>
    public SearchSpace<T> Space { get; }

    /// <summary>The search strategy.</summary>
    public ISampler Sampler { get; }

    /// <summary>The early-stopping rule.</summary>
    public IPruner Pruner { get; }

    /// <summary>The rule that ends an optimization run early (<see cref="StudyOptions.StopWhen"/>); null for none.</summary>
    public Stopping.IStoppingRule? StopWhen { get; init; }

    /// <summary>Where the trials are kept.</summary>
    public IStudyStorage Storage => storage;

    /// <summary>Queues <paramref name="config"/> to be evaluated before any sampled point (a baseline from the
    /// defaults, a known good recipe). Queued configurations run in the order they were queued; their trials record
    /// the strategy <see cref="TrialRecord.QueuedStrategy"/>.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="reason">Why it is queued ("the defaults", "last release's recipe"), recorded with its trial; null
    /// when there is nothing to add.</param>
    /// <exception cref="ArgumentException">The configuration is not in the search space; the message names every
    /// offending property.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    public void Enqueue(T config, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = Space.Validate(config);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "The configuration cannot be queued: " + string.Join(" ", errors.Select(e => e.Message)), nameof(config));
        }

        storage.Enqueue(Name, Space.Encode(config), reason);
    }

    /// <summary>Starts a trial for a loop the study does not own: the next queued configuration, or else a point from
    /// the sampler. Finish it with <see cref="Tell(Trial, double)"/> or <see cref="Tell(Trial, TrialState, string?)"/>.</summary>
    /// <exception cref="InvalidOperationException">The sampler failed or proposed a point outside the space (the
    /// trial is then recorded as failed).</exception>
    public Trial<T> Ask() => TryAsk(limit: null, stopWhenExhausted: false)!;

    /// <summary>Finishes a trial with its objective value: Complete when finite, Failed (with the value as the reason)
    /// for NaN or infinity. On a multi-objective study one value is the wrong count, so the trial is recorded Failed.</summary>
    /// <returns>The state recorded.</returns>
    /// <exception cref="ArgumentException">The trial belongs to another study.</exception>
    /// <exception cref="InvalidOperationException">The trial was already told.</exception>
    public TrialState Tell(Trial trial, double value) =>
        Finish(trial, IsMultiObjective ? TrialOutcome.FromValues([value], Directions.Count, ObjectiveNames) : TrialOutcome.FromValue(value));

    /// <summary>Finishes a trial with one value per objective (<see cref="Directions"/>): Complete when there are
    /// exactly that many and all are finite; otherwise Failed, the reason naming the count or the objective. The
    /// constraints the trial set (<see cref="Trial.SetConstraint"/>) are stored with it.</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="values">Its objective values, in the order of <see cref="Directions"/>.</param>
    /// <returns>The state recorded.</returns>
    /// <exception cref="ArgumentException">The trial belongs to another study.</exception>
    /// <exception cref="InvalidOperationException">The trial was already told.</exception>
    public TrialState Tell(Trial trial, IReadOnlyList<double> values) => Finish(trial, TrialOutcome.FromValues(values, Directions.Count, ObjectiveNames));

    /// <summary>Finishes a trial as <see cref="TrialState.Pruned"/> or <see cref="TrialState.Failed"/>.</summary>
    /// <param name="trial">The trial.</param>
    /// <param name="state">Pruned or Failed; a complete trial is told with its value instead.</param>
    /// <param name="reason">Why it failed, kept with the trial.</param>
    /// <returns>The state recorded.</returns>
    /// <exception cref="ArgumentException">The trial belongs to another study, or <paramref name="state"/> is Running
    /// or Complete.</exception>
    /// <exception cref="InvalidOperationException">The trial was already told.</exception>
    public TrialState Tell(Trial trial, TrialState state, string? reason = null) => state switch
    {
        TrialState.Pruned => Finish(trial, TrialOutcome.Pruned),
        TrialState.Failed => Finish(trial, TrialOutcome.Failed(reason ?? "it was told Failed")),
        TrialState.Complete => throw new ArgumentException(
            "A complete trial needs its objective value: call Tell(trial, value).", nameof(state)),
        _ => throw new ArgumentException($"A trial is told Pruned or Failed, not {state}.", nameof(state)),
    };

    /// <summary>The study as the analyses read it (Dials.Analysis: ParameterImportance, Sensitivity, Uncertainty):
    /// a snapshot of every trial so far.</summary>
    public StudySnapshot Snapshot() => new(Name, Direction, Space, storage.ReadTrials(Name))
    {
        Directions = Directions,
        ObjectiveNames = ObjectiveNames,
    };

    /// <summary>Every trial so far, the best feasible complete one (single objective) and the Pareto front, as the
    /// storage holds them now.</summary>
    public StudyResult<T> GetResult()
    {
        var records = storage.ReadTrials(Name);
        var trials = records.Select(ToResult).ToArray();
        TrialRecord? best = null;
        foreach (var record in records)
        {
            // A complete trial without its point (a damaged journal lost that line) has no configuration to offer.
            if (!IsMultiObjective && record is { State: TrialState.Complete, Value: { } value } && record.Point.Count == Space.Dimensions.Count
                && IsFeasible(record) && (best is null || IsBetter(value, best.Value!.Value)))
            {
                best = record;
            }
        }

        var bestTrial = best is null ? null
            : new BestTrial<T>(best.Number, best.Value!.Value, Space.Decode(best.Point.ToArray()), trials[best.Number].Parameters);
        var damaged = records.Where(r => r.State == TrialState.Complete && r.Point.Count != Space.Dimensions.Count).Select(r => r.Number).ToArray();
        return new StudyResult<T>(Name, trials, bestTrial, damaged, Directions, Front(records, trials)) { ObjectiveNames = ObjectiveNames };
    }

    /// <summary>The feasible complete trials (with their configuration and one finite value per objective) that no
    /// other such trial dominates, in number order.</summary>
    private ParetoTrial<T>[] Front(IReadOnlyList<TrialRecord> records, TrialResult[] trials)
    {
        var candidates = records
            .Where(r => r.State == TrialState.Complete && r.Point.Count == Space.Dimensions.Count
                && r.ObjectiveValues.Count == Directions.Count && r.ObjectiveValues.All(double.IsFinite) && IsFeasible(r))
            .ToArray();
        var front = MultiObjective.ParetoFront.Indices([.. candidates.Select(r => r.ObjectiveValues)], Directions);
        return [.. front.Select(i => candidates[i]).Select(r => new ParetoTrial<T>(
            r.Number, [.. r.ObjectiveValues], Space.Decode(r.Point.ToArray()), trials[r.Number].Parameters, r.Constraints ?? []))];
    }

    /// <summary>Whether every constraint the trial set is satisfied (at most 0); a trial without constraints is.</summary>
    private static bool IsFeasible(TrialRecord record) =>
        record.Constraints is not { } constraints || constraints.All(c => c.Value <= 0);

    /// <summary>
    /// Runs trials of a synchronous objective until the study holds <paramref name="trials"/> trials, the time budget
    /// is spent, the sampler has nothing left to propose, or the run is cancelled.
    /// </summary>
    /// <param name="objective">Evaluates a configuration; smaller or larger is better as <see cref="Direction"/> says.</param>
    /// <param name="trials">The study's TOTAL budget of trials, counting those already in the storage (from earlier
    /// calls, resumed runs or other workers): a study that already holds that many returns at once. Null for no
    /// limit. Unlike Optuna's per-call <c>n_trials</c>, it is not added to what exists.</param>
    /// <param name="parallelism">How many trials run at once in this process.</param>
    /// <param name="timeout">No trial starts after this much time; running ones finish.</param>
    /// <param name="trialTimeout">A trial running longer is recorded Failed and its result, if it ever comes, dropped.
    /// A limit beyond the longest timer the runtime supports (about 49.7 days) is no limit.</param>
    /// <param name="cancellationToken">Stops the study: no trial starts after it, then the call throws
    /// <see cref="OperationCanceledException"/>; trials finished so far stay in the storage. A synchronous objective
    /// cannot be interrupted: a running trial finishes and is recorded, unless <paramref name="trialTimeout"/> is set,
    /// in which case it is abandoned and recorded Failed at once.</param>
    /// <returns>Every trial of the study and the best one.</returns>
    public Task<StudyResult<T>> OptimizeAsync(Func<T, double> objective, int? trials = null, int parallelism = 1,
        TimeSpan? timeout = null, TimeSpan? trialTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return OptimizeAsync((config, _, _) => ValueTask.FromResult(objective(config)), trials, parallelism, timeout,
            trialTimeout, cancellationToken);
    }

    /// <inheritdoc cref="OptimizeAsync(Func{T, double}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>
    /// <param name="objective"><inheritdoc cref="OptimizeAsync(Func{T, double}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='objective']/node()"/></param>
    /// <param name="trials"><inheritdoc cref="OptimizeAsync(Func{T, double}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='trials']/node()"/></param>
    /// <param name="parallelism"><inheritdoc cref="OptimizeAsync(Func{T, double}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='parallelism']/node()"/></param>
    /// <param name="timeout"><inheritdoc cref="OptimizeAsync(Func{T, double}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='timeout']/node()"/></param>
    /// <param name="trialTimeout"><inheritdoc cref="OptimizeAsync(Func{T, double}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='trialTimeout']/node()"/></param>
    /// <param name="cancellationToken"><inheritdoc cref="OptimizeAsync(Func{T, double}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='cancellationToken']/node()"/></param>
    /// <param name="progress">Told after every finished trial; see
    /// <see cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, IProgress{StudyProgress}?, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>.</param>
    public Task<StudyResult<T>> OptimizeAsync(Func<T, double> objective, IProgress<StudyProgress>? progress, int? trials = null,
        int parallelism = 1, TimeSpan? timeout = null, TimeSpan? trialTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return OptimizeAsync((config, _, _) => ValueTask.FromResult(objective(config)), progress, trials, parallelism,
            timeout, trialTimeout, cancellationToken);
    }

    /// <summary>
    /// Runs trials of an objective that reports intermediate values, may be pruned and honours cancellation, until
    /// the study holds <paramref name="trials"/> trials, the time budget is spent, the sampler has nothing left to
    /// propose, or the run is cancelled.
    /// </summary>
    /// <param name="objective">Evaluates a configuration; it may call <see cref="Trial.Report"/>, throw
    /// <see cref="TrialPrunedException"/> when <see cref="Trial.ShouldPrune"/>, and should stop when its token is
    /// cancelled (time limit or cancellation).</param>
    /// <param name="trials">The study's TOTAL budget of trials, counting those already in the storage (from earlier
    /// calls, resumed runs or other workers): a study that already holds that many returns at once. Null for no
    /// limit. Unlike Optuna's per-call <c>n_trials</c>, it is not added to what exists.</param>
    /// <param name="parallelism">How many trials run at once in this process.</param>
    /// <param name="timeout">No trial starts after this much time; running ones finish.</param>
    /// <param name="trialTimeout">A trial running longer is recorded Failed; its token is cancelled, and its result,
    /// if it ever comes, dropped. A limit beyond the longest timer the runtime supports (about 49.7 days) is no
    /// limit.</param>
    /// <param name="cancellationToken">Stops the study: no trial starts after it and the objective's token is
    /// cancelled; a trial that stops because of it is recorded Failed (one that returns a value anyway keeps it), then
    /// the call throws <see cref="OperationCanceledException"/>; trials finished so far stay in the storage. With
    /// <paramref name="trialTimeout"/> set, a trial that ignores its token is abandoned and recorded Failed at once.</param>
    /// <returns>Every trial of the study and the best one.</returns>
    /// <remarks>With heartbeats on (the default on durable storages, see <see cref="StudyOptions.HeartbeatInterval"/>),
    /// trials failed as stale do not count against <paramref name="trials"/>, and a worker that finds the budget full
    /// while trials of other workers still run waits for them to finish or go stale before it returns, so that a
    /// rerun right after a crash still runs the dead worker's trial again and completes the budget. It waits at most
    /// the stale limit and one heartbeat: a trial still running by then has a live worker.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count or a time span is negative, or
    /// <paramref name="parallelism"/> or <paramref name="trialTimeout"/> is not positive.</exception>
    public Task<StudyResult<T>> OptimizeAsync(Func<T, Trial, CancellationToken, ValueTask<double>> objective,
        int? trials = null, int parallelism = 1, TimeSpan? timeout = null, TimeSpan? trialTimeout = null,
        CancellationToken cancellationToken = default) =>
        OptimizeAsync(objective, progress: null, trials, parallelism, timeout, trialTimeout, cancellationToken);

    /// <inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>
    /// <param name="objective"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='objective']/node()"/></param>
    /// <param name="trials"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='trials']/node()"/></param>
    /// <param name="parallelism"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='parallelism']/node()"/></param>
    /// <param name="timeout"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='timeout']/node()"/></param>
    /// <param name="trialTimeout"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='trialTimeout']/node()"/></param>
    /// <param name="cancellationToken"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='cancellationToken']/node()"/></param>
    /// <param name="progress">Told after every finished trial (complete, pruned or failed) with a
    /// <see cref="StudyProgress"/>: the trial, the finished count against the budget and the best so far; null for
    /// none. The call is made on the worker thread that ran the trial, right after the trial is recorded, so a
    /// callback that throws loses no trial: its exception stops the study as a broken objective runner would (other
    /// workers finish their current trial) and is rethrown by this method. Calls never overlap, even with
    /// <c>parallelism</c> above 1, and <see cref="StudyProgress.Finished"/> never decreases from one call to the next;
    /// a slow callback holds up the worker that makes it. <see cref="Progress{T}"/> posts each report to the
    /// synchronization context it was created on (the UI thread of a desktop app; the thread pool in a console app,
    /// where reports may then arrive out of order). For a console app, <see cref="ConsoleProgress"/> prints a line
    /// per trial.</param>
    public async Task<StudyResult<T>> OptimizeAsync(Func<T, Trial, CancellationToken, ValueTask<double>> objective,
        IProgress<StudyProgress>? progress, int? trials = null, int parallelism = 1, TimeSpan? timeout = null,
        TimeSpan? trialTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (IsMultiObjective)
        {
            throw new InvalidOperationException(
                $"Study '{Name}' has {Directions.Count} objectives ({string.Join(", ", Directions)}), so its objective must return " +
                "one value per objective: pass one that returns IReadOnlyList<double> (an array such as [error, latency]).");
        }

        return await RunAsync(
            async (config, trial, token) => TrialOutcome.FromValue(await objective(config, trial, token).ConfigureAwait(false)),
            progress, trials, parallelism, timeout, trialTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs trials of a multi-objective (or single-objective) objective that returns one value per objective of
    /// <see cref="Directions"/>, until the study holds <paramref name="trials"/> trials, the time budget is spent, the
    /// sampler has nothing left to propose, or the run is cancelled. A trial whose objective returns the wrong number
    /// of values, or a NaN or infinite one, is recorded Failed with the count or the objective named; the constraints
    /// it set (<see cref="Trial.SetConstraint"/>) are stored with it.
    /// </summary>
    /// <param name="objective">Evaluates a configuration and returns its values in the order of
    /// <see cref="Directions"/> (an array such as <c>[error, latency]</c>).</param>
    /// <param name="trials"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='trials']/node()"/></param>
    /// <param name="parallelism"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='parallelism']/node()"/></param>
    /// <param name="timeout"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='timeout']/node()"/></param>
    /// <param name="trialTimeout"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='trialTimeout']/node()"/></param>
    /// <param name="cancellationToken"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='cancellationToken']/node()"/></param>
    /// <returns>Every trial of the study and its Pareto front.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or a time span is negative, or
    /// <paramref name="parallelism"/> or <paramref name="trialTimeout"/> is not positive.</exception>
    public Task<StudyResult<T>> OptimizeAsync(Func<T, IReadOnlyList<double>> objective, int? trials = null, int parallelism = 1,
        TimeSpan? timeout = null, TimeSpan? trialTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return OptimizeAsync((config, _, _) => ValueTask.FromResult(objective(config)), trials, parallelism, timeout,
            trialTimeout, cancellationToken);
    }

    /// <inheritdoc cref="OptimizeAsync(Func{T, IReadOnlyList{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>
    /// <param name="objective">Evaluates a configuration and returns its values in the order of
    /// <see cref="Directions"/>; it may set constraints and should stop when its token is cancelled.</param>
    /// <param name="trials"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='trials']/node()"/></param>
    /// <param name="parallelism"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='parallelism']/node()"/></param>
    /// <param name="timeout"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='timeout']/node()"/></param>
    /// <param name="trialTimeout"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='trialTimeout']/node()"/></param>
    /// <param name="cancellationToken"><inheritdoc cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, int?, int, TimeSpan?, TimeSpan?, CancellationToken)" path="/param[@name='cancellationToken']/node()"/></param>
    /// <param name="progress">Told after every finished trial; see
    /// <see cref="OptimizeAsync(Func{T, Trial, CancellationToken, ValueTask{double}}, IProgress{StudyProgress}?, int?, int, TimeSpan?, TimeSpan?, CancellationToken)"/>
    /// (a multi-objective study reports no best value).</param>
    public async Task<StudyResult<T>> OptimizeAsync(Func<T, Trial, CancellationToken, ValueTask<IReadOnlyList<double>>> objective,
        int? trials = null, int parallelism = 1, TimeSpan? timeout = null, TimeSpan? trialTimeout = null,
        CancellationToken cancellationToken = default, IProgress<StudyProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var (objectives, names) = (Directions.Count, ObjectiveNames);
        return await RunAsync(
            async (config, trial, token) => TrialOutcome.FromValues(await objective(config, trial, token).ConfigureAwait(false), objectives, names),
            progress, trials, parallelism, timeout, trialTimeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StudyResult<T>> RunAsync(Func<T, Trial, CancellationToken, ValueTask<TrialOutcome>> objective,
        IProgress<StudyProgress>? progress, int? trials, int parallelism, TimeSpan? timeout, TimeSpan? trialTimeout,
        CancellationToken cancellationToken)
    {
        if (trials is { } budget)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(trials));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        if (timeout is { } total)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(total, TimeSpan.Zero, nameof(timeout));
        }

        if (trialTimeout is { } perTrial)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(perTrial, TimeSpan.Zero, nameof(trialTimeout));
        }

        var started = clock.GetTimestamp();
        string? stoppedBecause = null;
        using var halt = new CancellationTokenSource();
        var progressGate = new object();
        var workers = new Task[parallelism];
        for (var i = 0; i < workers.Length; i++)
        {
            // Each worker on a thread of its own: objectives usually block (CPU-bound training, even inside async
            // lambdas), and k blocked thread-pool threads would starve the pool of the threads that continuations,
            // time limits and the caller need. A synchronous objective then runs inline on its worker's thread.
            workers[i] = Task.Factory.StartNew(WorkAsync, CancellationToken.None,
                TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default).Unwrap();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var result = GetResult();
        result.StoppedBecause = stoppedBecause;
        return result;

        async Task WorkAsync()
        {
            try
            {
                long? waitingSince = null;
                // The caller's token is checked directly: a trial's continuation may run inside that token's
                // cancellation callbacks, before any token linked to it has been cancelled.
                while (!cancellationToken.IsCancellationRequested
                       && !halt.IsCancellationRequested
                       && !(timeout is { } t && clock.GetElapsedTime(started) >= t))
                {
                    if (TryAsk(trials, stopWhenExhausted: true) is not { } trial)
                    {
                        waitingSince ??= clock.GetTimestamp();
                        if (await OthersMayFreeTrialsAsync(clock.GetElapsedTime(waitingSince.Value), cancellationToken).ConfigureAwait(false))
                        {
                            continue;
                        }

                        break;
                    }

                    waitingSince = null;

                    TrialOutcome outcome;
                    try
                    {
                        outcome = await ObjectiveRunner.RunAsync(objective, trial, trialTimeout, clock, cancellationToken)
                            .ConfigureAwait(false);
                    }
                    catch (Exception exception)
                    {
                        // Whatever stops the run of a created trial must not leave it Running.
                        TryFinish(trial, TrialOutcome.Failed($"the study could not run it: {exception.Message}"));
                        throw;
                    }

                    TryFinish(trial, outcome);
                    if (StopWhen is { } rule && Volatile.Read(ref stoppedBecause) is null
                        && rule.ShouldStop(new StudySnapshot(Name, Direction, Space, storage.ReadTrials(Name))) is { } reason)
                    {
                        // The first reason stands; the trials other workers are running finish and are kept.
                        Interlocked.CompareExchange(ref stoppedBecause, $"{rule.GetType().Name}: {reason}", null);
                        await halt.CancelAsync().ConfigureAwait(false);
                    }

                    if (progress is not null)
                    {
                        // Read under the gate, so the finished count never goes back from one report to the next.
                        lock (progressGate)
                        {
                            progress.Report(StudyProgress.From(storage.ReadTrials(Name), trial.Number, trials, Direction,
                                Space.Dimensions.Count, ToResult));
                        }
                    }
                }
            }
            catch
            {
                // A broken sampler or storage: let the other workers stop after their current trial.
                await halt.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>With heartbeats on, whether trials of other workers are still running (so one may yet go stale and
    /// free a place in the budget or queue a retry): then waits a little and says so; otherwise says the worker is done.
    /// The wait ends after <see cref="Liveness.StaleAfter"/> and one heartbeat more: by then a trial whose worker died
    /// has gone stale, and one still running has a live worker (a long trial, or one asked and never told), which this
    /// worker need not wait for.</summary>
    /// <param name="waited">How long this worker has been waiting so far.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    private async Task<bool> OthersMayFreeTrialsAsync(TimeSpan waited, CancellationToken cancellationToken)
    {
        if (liveness is null || waited > liveness.StaleAfter + liveness.Interval)
        {
            return false;
        }

        var records = storage.ReadTrials(Name);
        lock (heartbeats)
        {
            if (!records.Any(t => t.State == TrialState.Running && !heartbeats.ContainsKey(t.Number)))
            {
                return false;
            }
        }

        try
        {
            var poll = liveness.Interval < TimeSpan.FromSeconds(1) ? liveness.Interval : TimeSpan.FromSeconds(1);
            await Task.Delay(poll, clock, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    void ITrialHost.Report(Trial trial, IntermediateValue value) => storage.ReportIntermediate(Name, trial.Number, value);

    bool ITrialHost.ShouldPrune(Trial trial)
    {
        if (Pruner is NopPruner)
        {
            // Never prunes: no need to read every trial at every step.
            return false;
        }

        var trials = storage.ReadTrials(Name);
        var record = trials[trial.Number];
        return !record.IsFinished && Pruner.ShouldPrune(new PruningContext(Direction, trials, record));
    }

    private Trial<T>? TryAsk(int? limit, bool stopWhenExhausted)
    {
        lock (samplingGate)
        {
            // Trials whose worker died are failed (and maybe re-queued) first, so they neither block the budget
            // nor sit in the sampler's view as running forever.
            var failed = liveness?.Recover(storage, Name, clock.GetUtcNow()) ?? 0;
            // A sampler with nothing left to propose still lets the queued points run: only those are started then.
            var exhausted = stopWhenExhausted && Sampler is IFiniteSampler finite && finite.IsExhausted(Space, storage.ReadTrials(Name));
            var start = clock.GetUtcNow();
            var (created, sampled) = Create(start, Budget(limit, failed, recount: false), exhausted);
            if (created is null && limit is not null && liveness is not null)
            {
                // Other workers may have failed trials as stale since the count was taken: count again before giving up.
                (created, sampled) = Create(start, Budget(limit, 0, recount: true), exhausted);
            }

            if (created is null)
            {
                return null;
            }

            // Read after the number is allocated, so the sampler sees every trial numbered before this one, including
            // those other workers (threads or processes) started in the meantime.
            var proposal = created.QueuedPoint is { } queued
                ? new Proposal([.. queued], TrialRecord.QueuedStrategy, created.QueuedReason)
                : sampled ?? SampleAndRecord(created.Number, storage.ReadTrials(Name), start);
            var point = proposal.Point;
            T config;
            try
            {
                config = Space.Decode(point);
            }
            catch (Exception exception)
            {
                // A trial nobody can run must not stay Running (and count against the budget) forever.
                storage.FinishTrial(Name, created.Number, TrialState.Failed, null, clock.GetUtcNow() - start,
                    $"its point could not be decoded: {exception.Message}");
                throw;
            }

            var trial = new Trial<T>(this, created.Number, point, Space.ToValues(point), start, config, proposal.Strategy, proposal.Reason);
            cpu.Start(trial.Number);
            if (liveness is not null)
            {
                lock (heartbeats)
                {
                    heartbeats[trial.Number] = liveness.StartHeartbeats(Name, trial.Number, clock);
                }
            }

            return trial;
        }
    }

    /// <summary>Creates the next trial within <paramref name="limit"/>: only for a queued point when the sampler is
    /// <paramref name="exhausted"/>, where the storage takes the point in the same step so that workers never race for
    /// it. While the sampler's proposals are quick (<see cref="QuickProposal"/>), it proposes inside the storage's step
    /// (<see cref="IStudyStorage.CreateSampledTrial"/>), which then records the new trial and its point together; a
    /// proposal that failed there is recorded here, as the trial's failure, like one made afterwards.</summary>
    /// <returns>The new trial (null at the limit) and the proposal recorded with it, if it was made in the step.</returns>
    private (NewTrial? Trial, Proposal? Sampled) Create(DateTimeOffset start, int? limit, bool exhausted)
    {
        if (exhausted)
        {
            return (storage.CreateQueuedTrial(Name, start, limit), null);
        }

        if (lastProposal > QuickProposal)
        {
            return (storage.CreateTrial(Name, start, limit), null);
        }

        // A storage may call the sampler once per attempt (a database retries a transaction that failed on a transient
        // error), so only the last call's outcome counts, and only for the trial it was made for.
        Exception? failure = null;
        Proposal? sampled = null;
        var sampledFor = -1;
        var created = storage.CreateSampledTrial(Name, start, limit, (number, history) =>
        {
            (sampledFor, failure, sampled) = (number, null, null);
            try
            {
                return sampled = Sample(number, history);
            }
            catch (Exception exception)
            {
                failure = exception;
                return null;
            }
        });
        if (created is not { QueuedPoint: null } || created.Number != sampledFor)
        {
            return (created, null);
        }

        if (failure is not null)
        {
            FailUnsampled(created.Number, start, failure);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return (created, sampled);
    }

    /// <summary>The limit for <see cref="IStudyStorage.CreateTrial"/>: the budget plus the trials failed as stale,
    /// which do not count (see <see cref="Liveness"/>). The stale count is read once and then kept up to date with
    /// what this object fails; <paramref name="recount"/> reads it again.</summary>
    private int? Budget(int? limit, int failedNow, bool recount)
    {
        if (limit is not { } budget || liveness is null)
        {
            return limit;
        }

        staleTrials = staleTrials < 0 || recount ? storage.ReadTrials(Name).Count(Liveness.IsStale) : staleTrials + failedNow;
        return Liveness.Budget(budget, staleTrials);
    }

    private Proposal SampleAndRecord(int number, IReadOnlyList<TrialRecord> history, DateTimeOffset start)
    {
        Proposal proposal;
        try
        {
            proposal = Sample(number, history);
        }
        catch (Exception exception)
        {
            FailUnsampled(number, start, exception);
            throw;
        }

        storage.SetTrialPoint(Name, number, proposal.Point, proposal.Strategy, proposal.Reason);
        return proposal;
    }

    /// <summary>The sampler's proposal for trial <paramref name="number"/>, with the space's conditions applied and
    /// checked; how long it took, on the study's clock, is kept in <see cref="lastProposal"/>.</summary>
    /// <exception cref="InvalidOperationException">The sampler proposed a point outside the space.</exception>
    private Proposal Sample(int number, IReadOnlyList<TrialRecord> history)
    {
        var began = clock.GetTimestamp();
        try
        {
            // Trials other workers have numbered but not yet sampled have no point to show (nor has this one).
            var sampled = sampledTrials.Of(history);
            var proposal = Propose(new SamplingContext(Space, Direction, sampled, number) { Directions = Directions });
            Space.ApplyConditions(proposal.Point);
            if (Space.Check(proposal.Point) is { Count: > 0 } errors)
            {
                throw new InvalidOperationException(
                    $"{Sampler.GetType().Name} proposed a point outside the search space: {string.Join(" ", errors.Select(e => e.Message))}");
            }

            return proposal;
        }
        finally
        {
            lastProposal = clock.GetElapsedTime(began);
        }
    }

    /// <summary>Ends a trial whose point could not be sampled, so that it does not stay Running (and count against the
    /// budget) forever.</summary>
    private void FailUnsampled(int number, DateTimeOffset start, Exception exception) =>
        storage.FinishTrial(Name, number, TrialState.Failed, null, clock.GetUtcNow() - start, $"the sampler failed: {exception.Message}");

    /// <summary>The sampler's proposal with the strategy it names (<see cref="IProposingSampler"/>), or, for a sampler
    /// that does not say, its point under the sampler's type name, so every sampled trial records where it came from.</summary>
    private Proposal Propose(SamplingContext context)
    {
        if (Sampler is not IProposingSampler proposing)
        {
            return new Proposal(Sampler.Sample(context), TypeName(Sampler.GetType()));
        }

        var proposal = proposing.Propose(context);
        return proposal is { Point: not null } && !string.IsNullOrWhiteSpace(proposal.Strategy)
            ? proposal
            : throw new InvalidOperationException($"{Sampler.GetType().Name} proposed no point or named no strategy for it.");
    }

    /// <summary>A type's name without the arity suffix of a generic one ("MySampler", not "MySampler`1").</summary>
    private static string TypeName(Type type) => type.Name.Split('`')[0];

    /// <summary>How long a proposal may take for the next one to be made inside the storage's step that creates the
    /// trial, where a journal or a database holds its writers' lock meanwhile. Starting a trial then costs one lock
    /// hand-over rather than two, which is most of what several workers on one study wait for when trials are short
    /// (docs/benchmarks.md); a slower sampler (a Gaussian process, TPE over a long history) proposes outside the
    /// lock, so that the other workers never wait for it.</summary>
    internal static readonly TimeSpan QuickProposal = TimeSpan.FromMilliseconds(0.2);

    private TrialState Finish(Trial trial, TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (!trial.BelongsTo(this))
        {
            throw new ArgumentException($"Trial {trial.Number} belongs to another study, not '{Name}'.", nameof(trial));
        }

        if (!TryFinish(trial, outcome))
        {
            var state = storage.ReadTrials(Name)[trial.Number].State;
            throw new InvalidOperationException($"Trial {trial.Number} of study '{Name}' was already told; it is {state}.");
        }

        return outcome.State;
    }

    private bool TryFinish(Trial trial, TrialOutcome outcome)
    {
        // The storage decides who finishes a trial first (this worker, a time limit, another process marking it
        // stale); the local flag only stops further reports.
        lock (heartbeats)
        {
            if (heartbeats.Remove(trial.Number, out var beating))
            {
                beating.Dispose();
            }
        }

        var finished = storage.FinishTrial(Name, trial.Number, outcome.State, outcome.Value, clock.GetUtcNow() - trial.Start,
            outcome.FailReason, outcome.Values, trial.ConstraintsToStore(), cpu.Stop(trial.Number));
        trial.MarkFinished();
        return finished;
    }

    private bool IsBetter(double value, double than) => Curves.IsBetter(value, than, Direction);

    private TrialResult ToResult(TrialRecord record) => new(
        record.Number,
        record.State,
        record.Value,
        record.Point.Count > 0 ? Space.ToValues(record.Point.ToArray()) : new Dictionary<string, object>(),
        record.Intermediate,
        record.Start,
        record.Duration,
        record.FailReason,
        record.Strategy,
        record.StrategyReason,
        record.Values,
        record.Constraints,
        record.CpuTime);
}
