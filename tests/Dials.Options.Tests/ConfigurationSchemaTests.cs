using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NJsonSchema;

namespace Dials.Options.Tests;

/// <summary>
/// The configuration schema the generator writes for this assembly (it binds TrainingOptions to "Training" and the
/// tuning settings to "Tuning", see TuningTests), checked with a JSON-schema validator: good files pass, and each bad
/// one fails naming its key. Each file is also started in a real host, so the schema and the binder agree.
/// </summary>
public sealed class ConfigurationSchemaTests : IDisposable
{
    private const string Good = """
        {
          "$schema": "./Dials.ConfigurationSchema.json",
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Training": { "LearningRate": 0.01, "BatchSize": 128, "Dropout": 0.35, "Optimizer": "Sgd", "Momentum": 0.95, "Warmup": { "Steps": 300 } },
          "Tuning": {
            "Enabled": false,
            "Study": "training",
            "Direction": "Maximize",
            "Trials": 40,
            "Parallelism": 2,
            "Timeout": "00:30:00",
            "TrialTimeout": "1.00:00:00",
            "Storage": "journal:tuned/study.jsonl",
            "Output": "tuned/training.json",
            "Sampler": { "Kind": "tpe", "Seed": 7, "StartupTrials": 5, "GridPoints": 4, "Sigma0": 0.2 },
            "Pruner": { "Kind": "hyperband", "StartupTrials": 2, "WarmupSteps": 1, "Percentile": 30, "Patience": 2, "MinResource": 1, "MaxResource": 27, "ReductionFactor": 3 },
            "SearchSpace": {
              "LearningRate": { "Low": 0.0005, "High": 0.05 },
              "Optimizer": { "Choices": [ "Sgd", "AdamW" ] },
              "Warmup": { "Steps": { "Fixed": 200 } }
            }
          }
        }
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("dials-schema-").FullName;

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(SchemaText()).GetAwaiter().GetResult());

    [Fact]
    public async Task A_good_file_passes_the_schema_and_starts()
    {
        Assert.Empty(Schema.Value.Validate(Good));
        using var host = BuildHost(Good);
        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Training", "LearningRate", "5", "Training.LearningRate", "NumberTooBig")]
    [InlineData("Training", "Dropout", "0.12", "Training.Dropout", "NotInEnumeration")]
    [InlineData("Training", "BatchSize", "100", "Training.BatchSize", "NotInEnumeration")]
    [InlineData("Training", "Optimizer", "\"Adam\"", "Training.Optimizer", "NotInEnumeration")]
    [InlineData("Training", "LearningRate", "\"fast\"", "Training.LearningRate", "NumberExpected")]
    [InlineData("Training", "BatchSize", "64.5", "Training.BatchSize", "IntegerExpected")]
    [InlineData("Training", "LearningRat", "0.01", "Training.LearningRat", "NoAdditionalPropertiesAllowed")]
    [InlineData("Tuning", "Sampler", """{ "Kind": "Bayes" }""", "Tuning.Sampler.Kind", "NotInEnumeration")]
    [InlineData("Tuning", "Pruner", """{ "Kind": "median", "Patiense": 2 }""", "Tuning.Pruner.Patiense", "NoAdditionalPropertiesAllowed")]
    [InlineData("Tuning", "Direction", "\"Minimise\"", "Tuning.Direction", "NotInEnumeration")]
    [InlineData("Tuning", "Trials", "\"many\"", "Tuning.Trials", "IntegerExpected")]
    [InlineData("Tuning", "Timeout", "\"half an hour\"", "Tuning.Timeout", "PatternMismatch")]
    [InlineData("Tuning", "Storage", "\"sqllite:study.db\"", "Tuning.Storage", "PatternMismatch")]
    [InlineData("Tuning", "SearchSpace", """{ "LearningRate": { "Low": 1 } }""", "Tuning.SearchSpace.LearningRate.Low", "NumberTooBig")]
    [InlineData("Tuning", "SearchSpace", """{ "Optimizer": { "Choices": [ "Sgd", "Nadam" ] } }""", "Tuning.SearchSpace.Optimizer.Choices[1]", "NotInEnumeration")]
    [InlineData("Tuning", "SearchSpace", """{ "Optimizer": { "Low": 1 } }""", "Tuning.SearchSpace.Optimizer.Low", "NoAdditionalPropertiesAllowed")]
    [InlineData("Tuning", "SearchSpace", """{ "Depth": { "Fixed": 3 } }""", "Tuning.SearchSpace.Depth", "NoAdditionalPropertiesAllowed")]
    [InlineData("Tuning", "Objectives", """[ { "Name": "error", "Direction": "Down" } ]""", "Tuning.Objectives[0].Direction", "NotInEnumeration")]
    [InlineData("Tuning", "Objectives", """[ { "Name": "error", "Goal": "Minimize" } ]""", "Tuning.Objectives[0].Goal", "NoAdditionalPropertiesAllowed")]
    [InlineData("Tuning", "Select", """{ "Minimize": "error", "Where": { "cost": { "Below": 3 } } }""", "Tuning.Select.Where.cost.Below", "NoAdditionalPropertiesAllowed")]
    [InlineData("Tuning", "Select", """{ "Weights": { "error": "heavy" } }""", "Tuning.Select.Weights.error", "NumberExpected")]
    public async Task A_bad_value_fails_the_schema_naming_its_key_and_fails_the_start(string section, string key, string value, string path, string kind)
    {
        var json = $$"""{ "{{section}}": { "{{key}}": {{value}} } }""";

        var errors = Flatten(Schema.Value.Validate(json)).ToList();

        Assert.Contains(errors, e => e.Path == "#/" + path && e.Kind.ToString() == kind);
        using var host = BuildHost(json);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(failure.Failures, f => f.Contains(path.Split('[')[0].Replace('.', ':'), StringComparison.Ordinal));
    }

    [Fact]
    public void Objectives_and_a_selection_pass_the_schema()
    {
        Assert.Empty(Schema.Value.Validate("""
            { "Tuning": {
                "Objectives": [ { "Name": "rmse", "Direction": "Minimize" }, { "Name": "latency" } ],
                "Select": { "Minimize": "rmse", "Where": { "latency": { "AtMost": 5, "AtLeast": 0 } } } } }
            """));
        Assert.Empty(Schema.Value.Validate("""{ "Tuning": { "Select": { "Weights": { "rmse": 1, "latency": 0.01 } } } }"""));
        Assert.StartsWith("The objectives of a study of several", Schema.Value.Properties["Tuning"].Properties["Objectives"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sampler_and_pruner_kind_is_offered()
    {
        var tuning = Schema.Value.Properties["Tuning"];
        Assert.Equal(Dials.Catalogs.SamplerCatalog.All.Names, tuning.Properties["Sampler"].Properties["Kind"].Enumeration.Cast<string>());
        Assert.Equal(Dials.Catalogs.PrunerCatalog.All.Names, tuning.Properties["Pruner"].Properties["Kind"].Enumeration.Cast<string>());
        foreach (var spec in Enum.GetNames<Storage.StorageKind>().Select(n => n.ToLowerInvariant() + ":study.db").Append("runs/study.jsonl").Append("SQLite:x.db"))
        {
            Assert.Empty(Schema.Value.Validate($$"""{ "Tuning": { "Storage": "{{spec}}" } }"""));
        }
    }

    [Fact]
    public void Descriptions_come_from_the_doc_comments_and_defaults_from_the_initializers()
    {
        var training = Schema.Value.Properties["Training"];
        Assert.Equal(0.001, Convert.ToDouble(training.Properties["LearningRate"].Default, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("AdamW", training.Properties["Optimizer"].Default);
        Assert.StartsWith("The study's TOTAL trial budget", Schema.Value.Properties["Tuning"].Properties["Trials"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tuning_defaults_in_the_schema_are_the_initializers_and_what_an_empty_section_reads()
    {
        using var host = BuildHost("""{ "Tuning": { "Study": "s" } }""");
        var read = host.Services.GetRequiredService<IOptions<TuningOptions>>().Value;
        Assert.Equal(new TuningOptions { Study = "s" } with { SearchSpace = read.SearchSpace }, read);

        var tuning = Schema.Value.Properties["Tuning"];
        var checkedCount = 0;
        foreach (var (owner, instance, schema) in new (Type, object, JsonSchema)[]
        {
            (typeof(TuningOptions), read, tuning),
            (typeof(Dials.Catalogs.SamplerSettings), read.Sampler, tuning.Properties["Sampler"]),
            (typeof(Dials.Catalogs.PrunerSettings), read.Pruner, tuning.Properties["Pruner"]),
        })
        {
            foreach (var property in owner.GetProperties())
            {
                if (property.GetCustomAttribute<System.ComponentModel.DefaultValueAttribute>() is not { } attribute)
                {
                    continue;
                }

                var expected = property.GetValue(instance);
                Assert.Equal(expected, attribute.Value);
                var inSchema = schema.Properties[property.Name].Default;
                Assert.Equal(Convert.ToString(expected, System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToString(inSchema, System.Globalization.CultureInfo.InvariantCulture), ignoreCase: true);
                checkedCount++;
            }
        }

        Assert.Equal(6, checkedCount);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>The schema this assembly carries, as the build targets read it into Dials.ConfigurationSchema.json.</summary>
    private static string SchemaText() =>
        typeof(ConfigurationSchemaTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Dials.ConfigurationSchema").Value!;

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? new[] { e }.Concat(Flatten(child.Errors.SelectMany(c => c.Value)))
            : [e]);

    private IHost BuildHost(string json)
    {
        var path = Path.Combine(directory, $"appsettings.{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddJsonFile(path, optional: false);
        builder.Services.AddSingleton(new ObjectiveLog());
        builder.Services.AddHyperparameters<TrainingOptions>(builder.Configuration.GetSection("Training"));
        builder.Services.AddTuning<TrainingOptions, QuadraticObjective>(builder.Configuration.GetSection("Tuning"));
        return builder.Build();
    }
}
