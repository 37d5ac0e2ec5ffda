using Dials.Catalogs;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Dials.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dials.Options.Tests;

/// <summary>The Tuning section through a real host: validation on start, overrides, a study end to end on a journal,
/// shutdown and resume, and the tuned layer reaching IOptionsMonitor.</summary>
public sealed class TuningTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);
    private readonly string directory = Directory.CreateTempSubdirectory("dials-tuning-").FullName;
    private readonly ObjectiveLog log = new();

    [Fact]
    public async Task A_valid_section_is_read_into_tuning_options()
    {
        using var host = BuildHost("""
            { "Tuning": { "Enabled": false, "Study": "lr", "Direction": "maximize", "Trials": 7, "Parallelism": 2,
              "Timeout": "00:05:00", "Storage": "journal:study.jsonl", "Output": "tuned.json",
              "Sampler": { "Kind": "CmaEs", "Seed": 3, "Sigma0": 0.2 },
              "Pruner": { "Kind": "Percentile", "Percentile": 40, "WarmupSteps": 2 },
              "SearchSpace": { "LearningRate": { "Low": 0.0001, "High": 0.01 }, "Optimizer": { "Choices": [ "AdamW" ] }, "Warmup": { "Steps": { "Fixed": 200 } } } } }
            """);
        await host.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<TuningOptions>>().Value;
        Assert.Equal(("lr", Direction.Maximize, 7, 2, TimeSpan.FromMinutes(5)), (options.Study, options.Direction, options.Trials, options.Parallelism, options.Timeout!.Value));
        Assert.Equal(new SamplerSettings { Kind = "cmaes", Seed = 3, Sigma0 = 0.2 }, options.Sampler);
        Assert.Equal(new PrunerSettings { Kind = "percentile", Percentile = 40, WarmupSteps = 2 }, options.Pruner);
        Assert.Equal(new DimensionOverride(Low: 0.0001, High: 0.01), options.SearchSpace["LearningRate"]);
        Assert.Equal([Optimizer.AdamW], options.SearchSpace["Optimizer"].Choices!);
        Assert.Equal(200L, options.SearchSpace["Warmup.Steps"].Fixed);
        await host.StopAsync();
    }

    [Fact]
    public async Task NSGA_II_takes_its_population_size_from_the_section()
    {
        using var host = BuildHost("""{ "Tuning": { "Enabled": false, "Study": "mo", "Sampler": { "Kind": "nsga2", "PopulationSize": 24 } } }""");
        await host.StartAsync();
        Assert.Equal(new SamplerSettings { Kind = "nsga2", PopulationSize = 24 }, host.Services.GetRequiredService<IOptions<TuningOptions>>().Value.Sampler);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_sampler_kind_defaults_to_the_automatic_strategy()
    {
        using var host = BuildHost("""{ "Tuning": { "Enabled": false, "Study": "lr", "Trials": 3 } }""");
        await host.StartAsync();
        Assert.Equal(SamplerCatalog.DefaultKind, host.Services.GetRequiredService<IOptions<TuningOptions>>().Value.Sampler.Kind);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("""{ "Sampler": { "Kind": "Bayes" } }""", "Tuning:Sampler:Kind = Bayes is not one of [auto, tpe, tpe-uni, gp, random, grid, qmc, cmaes, cmaes-ipop, nsga2].")]
    [InlineData("""{ "Pruner": { "Kind": "Early" } }""", "Tuning:Pruner:Kind = Early is not one of [none, median, percentile, successive-halving, hyperband, patience].")]
    [InlineData("""{ "Direction": "down" }""", "Tuning:Direction = down is not one of [Minimize, Maximize].")]
    [InlineData("""{ "Trials": "many" }""", "Tuning:Trials = many is not a whole number.")]
    [InlineData("""{ "Sampler": { "Kind": "nsga2", "PopulationSize": 1 } }""", "Tuning:Sampler:PopulationSize = 1 is below the minimum 2.")]
    [InlineData("""{ "Parallelism": 0 }""", "Tuning:Parallelism = 0 is below the minimum 1.")]
    [InlineData("""{ "Timeout": "soon" }""", "Tuning:Timeout = soon is not a positive time span (hh:mm:ss).")]
    [InlineData("""{ "Enabled": "yes" }""", "Tuning:Enabled = yes is not true or false.")]
    [InlineData("""{ "Trails": 5 }""", "Tuning:Trails is not a Tuning setting; expected one of Enabled, Study, Direction, Objectives, Select, Sampler, Pruner, StopWhen, Trials, Parallelism, Timeout, TrialTimeout, Storage, Output, SearchSpace.")]
    [InlineData("""{ "StopWhen": { "Patience": 0 } }""", "Tuning:StopWhen:Patience = 0 is below the minimum 1.")]
    [InlineData("""{ "StopWhen": { "Patience": 5, "MinDelta": -0.5 } }""", "Tuning:StopWhen:MinDelta = -0.5 is below the minimum 0.")]
    [InlineData("""{ "StopWhen": { "Noise": 0 } }""", "Tuning:StopWhen:Noise = 0 is not above 0: it is a standard deviation.")]
    [InlineData("""{ "StopWhen": { "Patience": 5, "Noise": 0.1 } }""", "Tuning:StopWhen takes Patience (no improvement for so many trials) or Noise (improvement still possible below the noise), not both.")]
    [InlineData("""{ "SearchSpace": { "LearningRate": { "Low": 0.5 } } }""", "Tuning:SearchSpace:LearningRate:Low = 0.5 is outside [1E-05, 0.1].")]
    [InlineData("""{ "SearchSpace": { "LearningRate": { "Low": 0.01, "High": 0.001 } } }""", "Tuning:SearchSpace:LearningRate Low 0.01 must be below High 0.001; use Fixed to pin one value.")]
    [InlineData("""{ "SearchSpace": { "Dropout": { "High": 0.33 } } }""", "Tuning:SearchSpace:Dropout:High = 0.33 is off the step grid 0 + k * 0.05.")]
    [InlineData("""{ "SearchSpace": { "Optimizer": { "Low": 0 } } }""", "Tuning:SearchSpace:Optimizer:Low does not apply: Optimizer is categorical, narrow it with Choices.")]
    [InlineData("""{ "SearchSpace": { "BatchSize": { "Choices": [ 32 ] } } }""", "Tuning:SearchSpace:BatchSize:Choices does not apply: BatchSize is numeric, narrow it with Low and High.")]
    [InlineData("""{ "SearchSpace": { "Optimizer": { "Choices": [ "Adam" ] } } }""", "Tuning:SearchSpace:Optimizer:Choices:0 = Adam is not one of [Sgd, AdamW].")]
    [InlineData("""{ "SearchSpace": { "BatchSize": { "Fixed": 100 } } }""", "Tuning:SearchSpace:BatchSize:Fixed = 100 is not a power of two.")]
    [InlineData("""{ "SearchSpace": { "Momentun": { "Fixed": 0.9 } } }""", "Tuning:SearchSpace:Momentun:Fixed is not a hyperparameter of TrainingOptions.")]
    [InlineData("""{ "SearchSpace": { "Momentum": { "Center": 0.9 } } }""", "Tuning:SearchSpace:Momentum:Center is not an override; expected Low, High, Choices or Fixed.")]
    [InlineData("""{ "Storage": "mysql:Server=db;Password=hunter2" }""", "Tuning:Storage: Unknown storage prefix 'mysql:'; the prefixes are journal:, sqlite: and postgres: (a journal path that starts with a word and a colon is written journal:PATH).")]
    [InlineData("""{ "Storage": "sqllite:Data Source=s.db;Password=hunter2" }""", "Tuning:Storage: Unknown storage prefix 'sqllite:' (did you mean 'sqlite:'?); the prefixes are journal:, sqlite: and postgres: (a journal path that starts with a word and a colon is written journal:PATH).")]
    [InlineData("""{ "Storage": "postgres:" }""", "Tuning:Storage: The storage spec 'postgres:' names nothing after its prefix.")]
    // This project references Dials.Storage.Sqlite but not Dials.Storage.Postgres: the start names the missing package.
    [InlineData("""{ "Storage": "postgres:Host=db;Password=hunter2" }""", "Tuning:Storage: A postgres: storage needs the Dials.Storage.Postgres package: reference it and call Dials.Storage.Postgres.PostgresStorageOpener.Register() once at start-up.")]
    public async Task Bad_tuning_settings_fail_the_start_naming_the_key(string tuning, string message)
    {
        using var host = BuildHost($$"""{ "Tuning": {{tuning}} }""");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, error.Failures);
        Assert.DoesNotContain(error.Failures, f => f.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pruner_argument_its_constructor_refuses_fails_the_start()
    {
        using var host = BuildHost("""{ "Tuning": { "Pruner": { "Kind": "Percentile", "Percentile": 150 } } }""");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.StartsWith("Tuning:Pruner: ", StringComparison.Ordinal) && f.Contains("ercentile", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Random")]
    [InlineData("Tpe")]
    [InlineData("CmaEs")]
    [InlineData("Qmc")]
    [InlineData("Grid")]
    public async Task Overrides_shape_every_sampled_trial(string sampler)
    {
        using var host = BuildHost($$"""
            { "Tuning": { "Enabled": true, "Trials": 12, "Sampler": { "Kind": "{{sampler}}", "Seed": 5, "StartupTrials": 4 },
              "SearchSpace": { "LearningRate": { "Low": 0.001, "High": 0.01 }, "Optimizer": { "Choices": [ "Sgd" ] },
                               "BatchSize": { "Fixed": 128 }, "Dropout": { "Low": 0.1, "High": 0.2 } } } }
            """);
        await RunToCompletionAsync(host);

        Assert.Equal(12, log.Seen.Count);
        Assert.All(log.Seen, c =>
        {
            Assert.InRange(c.LearningRate, 0.001, 0.01);
            Assert.InRange(c.Dropout, 0.1, 0.2);
            Assert.Equal(128, c.BatchSize);
            Assert.Equal(Optimizer.Sgd, c.Optimizer);
        });

        // Sgd activates Momentum, which keeps its full range.
        Assert.Contains(log.Seen, c => c.Momentum != 0.9);
    }

    [Fact]
    public async Task StopWhen_ends_the_run_before_its_budget_once_the_best_stops_improving()
    {
        using var host = BuildHost("""
            { "Tuning": { "Enabled": true, "Trials": 300, "Sampler": { "Kind": "Random", "Seed": 3 },
              "StopWhen": { "Patience": 5, "MinDelta": 0.0001 } } }
            """);
        await RunToCompletionAsync(host);

        var settings = host.Services.GetRequiredService<IOptions<TuningOptions>>().Value.StopWhen;
        Assert.Equal(new StopWhenSettings { Patience = 5, MinDelta = 0.0001 }, settings);
        Assert.Equal(new Stopping.NoImprovementStop(5, 0.0001), settings.Rule());
        Assert.Equal(new Stopping.ImprovementBelowNoiseStop(0.02), new StopWhenSettings { Noise = 0.02 }.Rule());
        Assert.InRange(log.Seen.Count, 6, 299);
    }

    [Fact]
    public async Task A_study_runs_to_its_budget_on_a_journal_and_writes_the_best_configuration()
    {
        var journal = Path.Combine(directory, "study.jsonl");
        var output = Path.Combine(directory, "tuned", "training.json");
        using var host = BuildHost(TuningSection(journal, output, trials: 8));
        var states = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new MeterListener();
        // Only this host's meter: other tests run studies on the process-wide "Dials" meter at the same time.
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: "Dials", Name: "dials.trials" } && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "dials.trial.state")
                {
                    states.Enqueue((string)tag.Value!);
                }
            }
        });
        listener.Start();
        await RunToCompletionAsync(host);
        Assert.Equal(Enumerable.Repeat("complete", 8), states);

        var trials = new JournalStorage(journal).ReadTrials("bowl");
        Assert.Equal(8, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        var best = trials.MinBy(t => t.Value)!;
        var expected = TrainingOptions.SearchSpace.ToValues(best.Point.ToArray());

        using var file = JsonDocument.Parse(File.ReadAllText(output));
        var training = file.RootElement.GetProperty("Training");
        Assert.Equal((double)expected["LearningRate"], training.GetProperty("LearningRate").GetDouble());
        Assert.Equal((long)expected["BatchSize"], training.GetProperty("BatchSize").GetInt64());
        Assert.Equal(expected["Optimizer"].ToString(), training.GetProperty("Optimizer").GetString());
        Assert.Equal((long)expected["Warmup.Steps"], training.GetProperty("Warmup").GetProperty("Steps").GetInt64());
        Assert.Equal(
            ["LearningRate", "BatchSize", "Dropout", "Optimizer"],
            training.EnumerateObject().Select(p => p.Name).Where(n => n is not "Momentum" and not "Warmup"));
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public async Task A_study_stopped_by_shutdown_keeps_its_trials_and_resumes_to_the_budget()
    {
        var journal = Path.Combine(directory, "study.jsonl");
        var output = Path.Combine(directory, "training.json");

        log.HoldFromCall = 3;
        using (var first = BuildHost(TuningSection(journal, output, trials: 6)))
        {
            await first.StartAsync();
            await log.Holding.Task.WaitAsync(Guard);
            await first.StopAsync();
            await first.Services.GetRequiredService<TuningCompletion>().Completed.WaitAsync(Guard);
        }

        var stopped = new JournalStorage(journal).ReadTrials("bowl");
        Assert.Equal([TrialState.Complete, TrialState.Complete, TrialState.Failed], stopped.Select(t => t.State));
        Assert.Contains("cancelled", stopped[2].FailReason);

        log.HoldFromCall = int.MaxValue;
        using (var second = BuildHost(TuningSection(journal, output, trials: 6)))
        {
            await RunToCompletionAsync(second);
        }

        var resumed = new JournalStorage(journal).ReadTrials("bowl");
        Assert.Equal(6, resumed.Count);
        Assert.Equal(5, resumed.Count(t => t.State == TrialState.Complete));
        Assert.Equal(stopped.Take(2).Select(t => (t.Value, t.Point.ToArray())), resumed.Take(2).Select(t => (t.Value, t.Point.ToArray())));
    }

    [Fact]
    public async Task Progress_is_logged_without_the_storage_spec()
    {
        var journal = Path.Combine(directory, "hunter2", "study.jsonl");
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddJsonFile(Write(TuningSection(journal, Path.Combine(directory, "tuned.json"), trials: 3)), optional: false);
        builder.Logging.AddProvider(logs);
        Register(builder);
        using var host = builder.Build();
        await RunToCompletionAsync(host);

        Assert.Contains(logs.Messages, m => m.StartsWith("Tuning study 'bowl' of TrainingOptions: 0 of 3 trials already in the journal storage", StringComparison.Ordinal));
        Assert.Equal(3, logs.Messages.Count(m => m.StartsWith("Trial ", StringComparison.Ordinal) && m.Contains("finished complete", StringComparison.Ordinal)));
        Assert.Contains(logs.Messages, m => m.StartsWith("Trial 0 ", StringComparison.Ordinal) && m.EndsWith("; proposed by random.", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.StartsWith("Tuning study 'bowl' done: 3 trials", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_trial_timeout_no_timer_can_hold_means_no_limit()
    {
        // 10675199 days is TimeSpan.MaxValue's whole days: it used to throw after trial 0 was created, leaving it Running.
        var journal = Path.Combine(directory, "forever.jsonl");
        var section = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, object?>>>(TuningSection(journal, Path.Combine(directory, "tuned.json"), trials: 3))!;
        section["Tuning"]["TrialTimeout"] = "10675199.00:00:00";
        using var host = BuildHost(JsonSerializer.Serialize(section));
        await RunToCompletionAsync(host);

        var trials = new JournalStorage(journal).ReadTrials("bowl");
        Assert.Equal(3, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public async Task A_password_in_a_storage_spec_is_never_logged_nor_made_into_a_folder()
    {
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        var settings = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, object?>>>(TuningSection(null, Path.Combine(directory, "tuned.json"), trials: 2))!;
        Dials.Storage.Sqlite.SqliteStorageOpener.Register();
        settings["Tuning"]["Storage"] = $"sqlite:Data Source={Path.Combine(directory, "db", "s.db")};Password=hunter2";
        builder.Configuration.AddJsonFile(Write(JsonSerializer.Serialize(settings)), optional: false);
        builder.Logging.AddProvider(logs);
        Register(builder);
        using var host = builder.Build();

        // The bundled SQLite has no encryption, so the password is refused; what matters is that nothing repeats it.
        var error = "";
        try
        {
            await RunToCompletionAsync(host);
        }
        catch (Exception exception)
        {
            error = exception.ToString();
        }

        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("hunter2", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(directory, "*hunter2*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_monitor_sees_the_tuned_layer_live()
    {
        var output = Path.Combine(directory, "tuned.json");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddJsonFile(Write("""{ "Training": { "LearningRate": 0.05, "BatchSize": 16 } }"""), optional: false);
        builder.Configuration.AddJsonFile(Write(TuningSection(journal: null, output, trials: 6)), optional: false);
        builder.Configuration.AddTunedHyperparameters(output);
        Register(builder);
        using var host = builder.Build();
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<TrainingOptions>>();
        Assert.Equal(0.05, monitor.CurrentValue.LearningRate);
        var best = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = monitor.OnChange(_ => best.TrySetResult());

        await RunToCompletionAsync(host);
        await best.Task.WaitAsync(Guard);

        // The file's best wins over appsettings once the watcher has seen the final rewrite.
        var tuned = await WaitForAsync(() =>
        {
            using var file = JsonDocument.Parse(File.ReadAllText(output));
            var lr = file.RootElement.GetProperty("Training").GetProperty("LearningRate").GetDouble();
            return monitor.CurrentValue.LearningRate == lr ? monitor.CurrentValue : null;
        });
        var expected = log.Seen.MinBy(c => Math.Pow(Math.Log10(c.LearningRate) + 2.5, 2) + Math.Pow(c.Dropout - 0.2, 2) + (c.BatchSize == 128 ? 0 : 0.1))!;
        Assert.Equal(expected.LearningRate, tuned.LearningRate);
        Assert.Equal(expected.BatchSize, tuned.BatchSize);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static string TuningSection(string? journal, string output, int trials) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["Tuning"] = new Dictionary<string, object?>
        {
            ["Enabled"] = true,
            ["Study"] = "bowl",
            ["Trials"] = trials,
            ["Storage"] = journal is null ? null : "journal:" + journal,
            ["Output"] = output,
            ["Sampler"] = new Dictionary<string, object> { ["Kind"] = "Random", ["Seed"] = 11 },
        },
    });

    private static async Task<TValue> WaitForAsync<TValue>(Func<TValue?> probe)
        where TValue : class
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50, guard.Token);
        }
    }

    private async Task RunToCompletionAsync(IHost host)
    {
        await host.StartAsync();
        await host.Services.GetRequiredService<TuningCompletion>().Completed.WaitAsync(Guard);
        await host.StopAsync();
    }

    private IHost BuildHost(string json)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddJsonFile(Write(json), optional: false);
        Register(builder);
        return builder.Build();
    }

    private void Register(HostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(log);
        builder.Services.AddHyperparameters<TrainingOptions>(builder.Configuration.GetSection("Training"));
        builder.Services.AddTuning<TrainingOptions, QuadraticObjective>(builder.Configuration.GetSection("Tuning"));
    }

    private string Write(string json)
    {
        var path = Path.Combine(directory, $"appsettings.{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
