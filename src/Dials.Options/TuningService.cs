using Dials.Catalogs;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dials.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dials.Options;

/// <summary>
/// Runs the study the <c>Tuning</c> section describes when <c>Tuning:Enabled</c> is true, then lets the host go on
/// serving. Every better trial rewrites <c>Tuning:Output</c>, which the app's configuration picks up; with several
/// <c>Tuning:Objectives</c>, every change of the front point <c>Tuning:Select</c> picks does. On shutdown the
/// objective's token is cancelled: the running trial is recorded Failed ("the study was cancelled"), finished ones are
/// already in the storage, and the next start with the same study name and a durable storage carries on to the same
/// total budget.
/// </summary>
internal sealed class TuningService<T, TObjective>(
    IServiceProvider services,
    IOptions<TuningOptions> tuning,
    TuningCompletion completion,
    ILogger<TuningService<T, TObjective>> logger)
    : BackgroundService
    where T : class, IHyperparameters<T>
    where TObjective : class
{
    private readonly Lock bestGate = new();
    private double? best;
    private int? chosen;
    private bool nothingSelectedLogged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await TuneAsync(stoppingToken).ConfigureAwait(false);
            completion.Finish();
        }
        catch (Exception exception)
        {
            completion.Fail(exception);
            throw;
        }
    }

    private async Task TuneAsync(CancellationToken stoppingToken)
    {
        var options = tuning.Value;
        if (!options.Enabled)
        {
            TuningLog.Disabled(logger);
            return;
        }

        // Off the host's start path: StartAsync returns while the study runs.
        await Task.Yield();
        using var metrics = new TuningMetrics(services.GetService<IMeterFactory>());
        using var scope = services.CreateScope();
        var objective = scope.ServiceProvider.GetRequiredService<TObjective>();
        var section = services.GetService<HyperparametersSection<T>>()?.Path ?? typeof(T).Name;
        if (options.Storage is null)
        {
            TuningLog.NotDurable(logger, options.Study);
        }

        var studyOptions = new StudyOptions
        {
            Name = options.Study,
            Sampler = SamplerCatalog.Create(options.Sampler),
            Pruner = PrunerCatalog.Create(options.Pruner),
            StopWhen = options.StopWhen.Rule(),
            Storage = options.Storage is { } spec ? StorageSpec.Open(spec) : new InMemoryStorage(),
        };
        var study = Study.Create(SearchSpaceOverrides.Apply(T.SearchSpace, options.SearchSpace), options.Objectives.Count > 0
            ? studyOptions with
            {
                Directions = [.. options.Objectives.Select(o => o.Direction)],
                ObjectiveNames = [.. options.Objectives.Select(o => o.Name)],
            }
            : studyOptions with { Direction = options.Direction });
        var existing = study.GetResult();
        TuningLog.Starting(logger, study.Name, typeof(T).Name, existing.Trials.Count, options.Trials,
            options.Storage is { } kind ? StorageLocation.Parse(kind).Kind.ToString().ToLowerInvariant() : "in-memory", options.Sampler.Kind, options.Pruner.Kind, options.Parallelism);
        if (objective is ITrialObjectives<T> several)
        {
            await TuneSeveralAsync(several, options, section, study, metrics, stoppingToken).ConfigureAwait(false);
            return;
        }

        var single = (ITrialObjective<T>)objective;
        if (existing.HasBest)
        {
            // Resumed: the best so far is the bar, and the layer is (re)written in case it was deleted.
            Offer(options, section, study, existing.Best.Number, existing.Best.Value, existing.Best.Parameters, metrics);
        }

        try
        {
            var result = await study.OptimizeAsync(
                (config, trial, ct) => EvaluateAsync(single, config, trial, options, section, study, metrics, ct),
                options.Trials, options.Parallelism, options.Timeout, options.TrialTimeout, stoppingToken).ConfigureAwait(false);
            if (result.StoppedBecause is { } reason)
            {
                TuningLog.StoppedEarly(logger, study.Name, reason);
            }

            if (result.HasBest)
            {
                TuningLog.Finished(logger, study.Name, result.Trials.Count, result.Best.Value, result.Best.Number);
            }
            else
            {
                TuningLog.FinishedWithoutBest(logger, study.Name);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            TuningLog.Stopped(logger, study.Name);
        }
    }

    /// <summary>Runs a study of several objectives: after every complete trial the selection picks from the front, and
    /// the layer is rewritten when its pick changes.</summary>
    private async Task TuneSeveralAsync(ITrialObjectives<T> objective, TuningOptions options, string section, Study<T> study,
        TuningMetrics metrics, CancellationToken stoppingToken)
    {
        var selection = ObjectivesReader.Selection(options.Objectives, options.Select);
        Choose(options, section, study, selection);
        try
        {
            var result = await study.OptimizeAsync(
                (config, trial, ct) => EvaluateSeveralAsync(objective, config, trial, study, metrics, ct),
                options.Trials, options.Parallelism, options.Timeout, options.TrialTimeout, stoppingToken,
                new Callback(p =>
                {
                    if (p.Trial.State == TrialState.Complete)
                    {
                        Choose(options, section, study, selection);
                    }
                })).ConfigureAwait(false);
            var choice = Choose(options, section, study, selection);
            TuningLog.FinishedSeveral(logger, study.Name, result.Trials.Count, result.ParetoFront.Count, selection.Describe(),
                choice is null ? "nothing chosen" : choice.Reason);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            TuningLog.Stopped(logger, study.Name);
        }
    }

    private async ValueTask<IReadOnlyList<double>> EvaluateSeveralAsync(ITrialObjectives<T> objective, T config, Trial trial,
        Study<T> study, TuningMetrics metrics, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var state = "failed";
        IReadOnlyList<double>? values = null;
        try
        {
            values = await objective.EvaluateAsync(config, trial, ct).ConfigureAwait(false);
            if (values is not null && values.Count == study.Directions.Count && values.All(double.IsFinite))
            {
                state = "complete";
            }

            return values!;
        }
        catch (TrialPrunedException)
        {
            state = "pruned";
            throw;
        }
        finally
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            metrics.TrialFinished(study.Name, state, seconds);
            TuningLog.TrialFinishedSeveral(logger, trial.Number, study.Name, state,
                values is null ? "no values" : "[" + string.Join(", ", values.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + "]",
                seconds, ProposedBy(trial));
        }
    }

    /// <summary>Picks from the current front and writes the pick as the tuned layer when it changed; the pick, or null
    /// while the front is empty or no front trial is within the selection's bounds.</summary>
    private MultiObjective.ParetoChoice<T>? Choose(TuningOptions options, string section, Study<T> study, MultiObjective.ParetoSelection selection)
    {
        lock (bestGate)
        {
            var result = study.GetResult();
            if (result.ParetoFront.Count == 0)
            {
                return null;
            }

            MultiObjective.ParetoChoice<T> choice;
            try
            {
                choice = selection.Pick(result);
            }
            catch (InvalidOperationException exception)
            {
                if (!nothingSelectedLogged)
                {
                    nothingSelectedLogged = true;
                    TuningLog.NothingSelected(logger, study.Name, exception.Message);
                }

                return null;
            }

            if (chosen != choice.Trial.Number)
            {
                chosen = choice.Trial.Number;
                if (options.Output is { } output)
                {
                    TunedConfigurationFile.Write(output, section, study.Space, choice.Trial.Parameters);
                    TuningLog.NewChoice(logger, choice.Trial.Number, study.Name, choice.Reason, output);
                }
            }

            return choice;
        }
    }

    private async ValueTask<double> EvaluateAsync(ITrialObjective<T> objective, T config, Trial trial, TuningOptions options,
        string section, Study<T> study, TuningMetrics metrics, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var state = "failed";
        double? value = null;
        try
        {
            value = await objective.EvaluateAsync(config, trial, ct).ConfigureAwait(false);
            if (double.IsFinite(value.Value))
            {
                state = "complete";
                Offer(options, section, study, trial.Number, value.Value, trial.Parameters, metrics);
            }

            return value.Value;
        }
        catch (TrialPrunedException)
        {
            state = "pruned";
            throw;
        }
        finally
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            metrics.TrialFinished(study.Name, state, seconds);
            TuningLog.TrialFinished(logger, trial.Number, study.Name, state, value, seconds,
                ProposedBy(trial));
        }
    }

    /// <summary>The strategy that proposed a trial, with its reason when it gave one: what both trial log lines say.</summary>
    private static string ProposedBy(Trial trial) => trial.StrategyReason is { } why ? $"{trial.Strategy} ({why})" : trial.Strategy;

    /// <summary>Reports progress synchronously, on the thread that finished the trial.</summary>
    private sealed class Callback(Action<StudyProgress> report) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value) => report(value);
    }

    /// <summary>Keeps a value when it beats the best so far, and writes its configuration as the tuned layer.</summary>
    private void Offer(TuningOptions options, string section, Study<T> study, int number, double value,
        IReadOnlyDictionary<string, object> parameters, TuningMetrics metrics)
    {
        lock (bestGate)
        {
            if (best is { } bar && (study.Direction == Direction.Minimize ? value >= bar : value <= bar))
            {
                return;
            }

            best = value;
            metrics.Best(study.Name, value);
            if (options.Output is { } output)
            {
                TunedConfigurationFile.Write(output, section, study.Space, parameters);
                TuningLog.NewBest(logger, number, study.Name, value, output);
            }
        }
    }
}
