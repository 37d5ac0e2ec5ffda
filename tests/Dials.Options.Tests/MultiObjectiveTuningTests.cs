using System.Collections.Concurrent;
using System.Text.Json;
using Dials.Catalogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dials.Options.Tests;

/// <summary>Tuning:Objectives and Tuning:Select through a real host: a study of two objectives writes the point the
/// selection picks from the front to the tuned layer, and every bad combination fails the start naming its key.</summary>
public sealed class MultiObjectiveTuningTests : IDisposable
{
    private const string Objectives = """
        "Objectives": [ { "Name": "error", "Direction": "Minimize" }, { "Name": "cost" } ]
        """;

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);
    private readonly string directory = Directory.CreateTempSubdirectory("dials-objectives-").FullName;
    private readonly ConcurrentQueue<(TrainingOptions Config, double Error, double Cost)> seen = new();

    [Fact]
    public async Task Two_objectives_write_the_lowest_error_within_the_cost_bound_to_the_tuned_layer()
    {
        var output = Path.Combine(directory, "tuned.json");
        using var host = BuildMultiHost($$"""
            { "Tuning": { "Enabled": true, "Study": "trade-off", "Trials": 24, "Output": "{{Escape(output)}}",
              "Sampler": { "Kind": "random", "Seed": 11 }, {{Objectives}},
              "Select": { "Minimize": "error", "Where": { "cost": { "AtMost": 4 } } } } }
            """);
        await RunToCompletionAsync(host);

        var options = host.Services.GetRequiredService<IOptions<TuningOptions>>().Value;
        Assert.Equal(["error", "cost"], options.Objectives.Select(o => o.Name));
        Assert.True(SamplerCatalog.Create(options.Sampler) is Samplers.IMultiObjectiveSampler, options.Sampler.Kind);
        Assert.Equal(24, seen.Count);
        // The lowest error among trials with cost at most 4 (batch size at most 64), the earliest among equals.
        var expected = seen.Where(s => s.Cost <= 4).MinBy(s => s.Error).Config;
        Assert.NotNull(expected);
        Assert.NotEqual(expected, seen.MinBy(s => s.Error).Config); // The bound matters in this run.
        AssertWritten(output, expected);
    }

    [Fact]
    public async Task A_weighted_sum_picks_the_front_point_with_the_lowest_sum()
    {
        var output = Path.Combine(directory, "tuned.json");
        using var host = BuildMultiHost($$"""
            { "Tuning": { "Enabled": true, "Study": "weighted", "Trials": 16, "Output": "{{Escape(output)}}",
              "Sampler": { "Kind": "random", "Seed": 5 }, {{Objectives}},
              "Select": { "Weights": { "error": 1, "cost": 0.05 } } } }
            """);
        await RunToCompletionAsync(host);

        AssertWritten(output, seen.MinBy(s => s.Error + 0.05 * s.Cost).Config);
    }

    [Fact]
    public async Task The_objectives_names_are_kept_with_the_study_in_its_storage()
    {
        var journal = Path.Combine(directory, "studies.jsonl");
        using var host = BuildMultiHost($$"""
            { "Tuning": { "Enabled": true, "Study": "named", "Trials": 4, "Storage": "journal:{{Escape(journal)}}",
              "Output": "{{Escape(Path.Combine(directory, "tuned.json"))}}",
              "Sampler": { "Kind": "random", "Seed": 3 }, {{Objectives}},
              "Select": { "Minimize": "error" } } }
            """);
        await RunToCompletionAsync(host);

        using var storage = new Storage.JournalStorage(journal);
        Assert.Equal(["error", "cost"], StudySnapshot.Load(storage, "named").ObjectiveNames);
    }

    [Theory]
    [InlineData(Objectives + """, "Sampler": { "Kind": "gp" }""", "Tuning:Sampler:Kind = gp cannot sample a study of 2 objectives (Tuning:Objectives)")]
    [InlineData(Objectives + """, "Pruner": { "Kind": "median" }""", "Tuning:Pruner:Kind = median cannot prune a study of 2 objectives (Tuning:Objectives)")]
    [InlineData(Objectives + """, "StopWhen": { "Patience": 10 }""", "Tuning:StopWhen cannot stop a study of 2 objectives (Tuning:Objectives)")]
    [InlineData(Objectives + """, "Direction": "Maximize" """, "Tuning:Direction does not apply with Tuning:Objectives")]
    [InlineData(""" "Objectives": [ { "Name": "error", "Direction": "Down" }, { "Name": "cost" } ]""", "Tuning:Objectives:0:Direction = Down is not one of [Minimize, Maximize].")]
    [InlineData(""" "Objectives": [ { "Name": "error" }, { "Name": "Error" } ]""", "Tuning:Objectives:1:Name = Error repeats Tuning:Objectives:0:Name; objective names must differ.")]
    [InlineData(""" "Objectives": [ { "Name": "error" }, { "Direction": "Minimize" } ]""", "Tuning:Objectives:1:Name is missing; every objective needs a name.")]
    [InlineData(""" "Objectives": [ "error", "cost" ]""", "Tuning:Objectives:0 = error is not an objective;")]
    [InlineData(Objectives + """, "Select": { "Minimize": "latency" }""", "Tuning:Select:Minimize = latency is not an objective in Tuning:Objectives (error, cost).")]
    [InlineData(Objectives + """, "Select": { "Maximize": "error" }""", "Tuning:Select:Maximize = error is an objective to Minimize in Tuning:Objectives; write Minimize.")]
    [InlineData(Objectives + """, "Select": { "Minimize": "error", "Where": { "size": { "AtMost": 3 } } }""", "Tuning:Select:Where:size is not an objective in Tuning:Objectives (error, cost).")]
    [InlineData(Objectives + """, "Select": { "Minimize": "error", "Where": { "cost": { "Below": 3 } } }""", "Tuning:Select:Where:cost:Below is not a Tuning:Select:Where:cost setting")]
    [InlineData(Objectives + """, "Select": { "Minimize": "error", "Weights": { "cost": 1 } }""", "Tuning:Select gives Minimize and Weights; give one of them.")]
    [InlineData(Objectives + """, "Select": { "Weights": { "error": 1, "cost": -1 } }""", "Tuning:Select:Weights:cost = -1 is below the minimum 0.")]
    [InlineData(Objectives + """, "Select": { "Where": { "cost": { "AtMost": 3 } } }""", "Tuning:Select needs a rule: Minimize or Maximize an objective, or Weights per objective.")]
    [InlineData(""" "Objectives": [ { "Name": "error" } ], "Select": { "Minimize": "error" }""", "Tuning:Select applies only to a study of several Tuning:Objectives (this one has 1, so one best trial): remove it.")]
    [InlineData(""" "Select": { "Minimize": "error" }""", "Tuning:Objectives is missing: ErrorAndCostObjective returns one value per objective (ITrialObjectives)")]
    public async Task Bad_objectives_fail_the_start_naming_the_key(string tuning, string message)
    {
        using var host = BuildMultiHost($$"""{ "Tuning": { {{tuning}} } }""");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_objectives_for_an_objective_of_one_value_fail_the_start()
    {
        var builder = Builder($$"""{ "Tuning": { {{Objectives}} } }""");
        builder.Services.AddSingleton(new ObjectiveLog());
        builder.Services.AddTuning<TrainingOptions, QuadraticObjective>(builder.Configuration.GetSection("Tuning"));
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.StartsWith(
            "Tuning:Objectives lists 2 objectives, but QuadraticObjective returns one value (ITrialObjective)", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static void AssertWritten(string output, TrainingOptions expected)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(output));
        var training = file.RootElement.GetProperty("Training");
        Assert.Equal(expected.LearningRate, training.GetProperty("LearningRate").GetDouble());
        Assert.Equal(expected.BatchSize, training.GetProperty("BatchSize").GetInt32());
        Assert.Equal(expected.Dropout, training.GetProperty("Dropout").GetDouble());
    }

    private static string Escape(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);

    private static async Task RunToCompletionAsync(IHost host)
    {
        await host.StartAsync();
        await host.Services.GetRequiredService<TuningCompletion>().Completed.WaitAsync(Guard);
        await host.StopAsync();
    }

    private IHost BuildMultiHost(string json)
    {
        var builder = Builder(json);
        builder.Services.AddSingleton(seen);
        builder.Services.AddTuning<TrainingOptions, ErrorAndCostObjective>(builder.Configuration.GetSection("Tuning"));
        return builder.Build();
    }

    private HostApplicationBuilder Builder(string json)
    {
        var path = Path.Combine(directory, $"appsettings.{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddJsonFile(path, optional: false);
        builder.Services.AddHyperparameters<TrainingOptions>(builder.Configuration.GetSection("Training"));
        return builder;
    }
}
