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
/// serving. Every better trial rewrites <c>Tuning:Output</c>, which the app's configuration picks up. On shutdown the
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
    where TObjective : class, ITrialObjective<T>
{
    private readonly Lock bestGate = new();
    private double? best;

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

        var study = Study.Create(SearchSpaceOverrides.Apply(T.SearchSpace, options.SearchSpace), new StudyOptions
        {
            Name = options.Study,
            Direction = options.Direction,
            Sampler = SamplerCatalog.Create(options.Sampler),
            Pruner = PrunerCatalog.Create(options.Pruner),
            Storage = options.Storage is { } spec ? StorageSpec.Open(spec) : new InMemoryStorage(),
        });
        var existing = study.GetResult();
        TuningLog.Starting(logger, study.Name, typeof(T).Name, existing.Trials.Count, options.Trials,
            options.Storage is { } kind ? StorageLocation.Parse(kind).Kind.ToString().ToLowerInvariant() : "in-memory", options.Sampler.Kind, options.Pruner.Kind, options.Parallelism);
        if (existing.HasBest)
        {
            // Resumed: the best so far is the bar, and the layer is (re)written in case it was deleted.
            Offer(options, section, study, existing.Best.Number, existing.Best.Value, existing.Best.Parameters, metrics);
        }

        try
        {
            var result = await study.OptimizeAsync(
                (config, trial, ct) => EvaluateAsync(objective, config, trial, options, section, study, metrics, ct),
                options.Trials, options.Parallelism, options.Timeout, options.TrialTimeout, stoppingToken).ConfigureAwait(false);
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

    private async ValueTask<double> EvaluateAsync(TObjective objective, T config, Trial trial, TuningOptions options,
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
                trial.StrategyReason is { } why ? $"{trial.Strategy} ({why})" : trial.Strategy);
        }
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
