
namespace Dials.Generators.Tests;

/// <summary>
/// The configuration schema the generator carries into an application's assembly: one section per
/// AddHyperparameters/AddTuning registration with a constant path, compared with reviewed snapshots in __snapshots__.
/// </summary>
public sealed class ConfigurationSchemaTests
{
    private const string Records = """
        using Dials;
        namespace App;
        public enum Optimizer { Sgd, Adam, AdamW }

        /// <summary>How the model trains.</summary>
        [Hyperparameters]
        public partial record TrainingConfig
        {
            /// <summary>Step size of the optimizer.</summary>
            [FloatRange(1e-5, 1e-1, Log = true)] public double LearningRate { get; init; } = 1e-3;
            /// <summary>Examples per step.</summary>
            [PowerOfTwo(16, 512)] public int BatchSize { get; init; } = 64;
            [IntRange(1, 100, Step = 3)] public int Epochs { get; init; } = 10;
            /// <summary>The share of units
            /// dropped (<see cref="System.Double"/>).</summary>
            [FloatRange(0, 0.5, Step = 0.05)] public float Dropout { get; init; } = 0.1f;
            [Choice] public Optimizer Optimizer { get; init; } = Optimizer.Adam;
            [FloatRange(0.5, 0.99), When(nameof(Optimizer), Optimizer.Sgd)] public double Momentum { get; init; } = 0.9;
            [Choice("relu", "gelu")] public string Activation { get; init; } = "relu";
            [Choice] public bool UseBias { get; init; } = true;
            [IntRange(1, 1_000_000)] public long Seed { get; init; } = 7;
            /// <summary>The warm-up schedule.</summary>
            public Warmup Warmup { get; init; } = new();
            public string RunName { get; init; } = "untuned";
        }

        [Hyperparameters]
        public partial record Warmup
        {
            [IntRange(0, 1000, Step = 100)] public int Steps { get; init; } = 100;
        }
        """;

    [Fact]
    public void Hyperparameters_and_tuning_sections()
    {
        var json = Schema(Records, """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public sealed class Objective : Dials.Options.ITrialObjective<TrainingConfig>
            {
                public System.Threading.Tasks.ValueTask<double> EvaluateAsync(TrainingConfig config, Dials.Trial trial, System.Threading.CancellationToken cancellationToken) => default;
            }

            public static class Startup
            {
                private const string Section = "Training";

                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    services.AddHyperparameters<TrainingConfig>(configuration.GetSection(Section));
                    services.AddTuning<TrainingConfig, Objective>(configuration.GetSection("Tuning"));
                }
            }
            """);
        Snapshots.Match(json);
    }

    [Fact]
    public void A_study_of_several_objectives_binds_the_tuning_section_with_its_objectives_and_selection()
    {
        // AddTuning has an overload per kind of objective (MultiObjectiveTuningServiceCollectionExtensions for
        // ITrialObjectives); before the generator's own code is added both are candidates, and either binds Tuning.
        var json = Schema(Records, """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public sealed class Objectives : Dials.Options.ITrialObjectives<TrainingConfig>
            {
                public System.Threading.Tasks.ValueTask<System.Collections.Generic.IReadOnlyList<double>> EvaluateAsync(TrainingConfig config, Dials.Trial trial, System.Threading.CancellationToken cancellationToken) => default;
            }

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration) =>
                    services.AddTuning<TrainingConfig, Objectives>(configuration.GetSection("Tuning"));
            }
            """);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var tuning = document.RootElement.GetProperty("properties").GetProperty("Tuning").GetProperty("properties");
        var objectives = tuning.GetProperty("Objectives");
        Assert.Equal("array", objectives.GetProperty("type").GetString());
        var entry = objectives.GetProperty("items").GetProperty("properties");
        Assert.Equal("string", entry.GetProperty("Name").GetProperty("type").GetString());
        Assert.Equal(["Minimize", "Maximize"], entry.GetProperty("Direction").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var select = tuning.GetProperty("Select").GetProperty("properties");
        Assert.Equal("number", select.GetProperty("Weights").GetProperty("additionalProperties").GetProperty("type").GetString());
        var bounds = select.GetProperty("Where").GetProperty("additionalProperties");
        Assert.Equal(["AtMost", "AtLeast"], bounds.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.False(bounds.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Nested_section_paths_and_sections_chosen_at_run_time()
    {
        var json = Schema(Records, """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration, string name)
                {
                    services.AddHyperparameters<Warmup>(configuration.GetSection("App").GetSection("Warmup"));
                    services.AddHyperparameters<TrainingConfig>(configuration.GetSection(name));
                }
            }
            """);
        Assert.Equal("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "description": "Configuration sections bound by Dials (generated at build time; do not edit).",
              "type": "object",
              "properties": {
                "App": {
                  "type": "object",
                  "properties": {
                    "Warmup": {
                      "type": "object",
                      "properties": {
                        "Steps": {
                          "type": "integer",
                          "minimum": 0,
                          "maximum": 1000,
                          "enum": [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000],
                          "description": "A whole number from 0 to 1000, in steps of 100.",
                          "default": 100
                        }
                      },
                      "additionalProperties": false
                    }
                  }
                }
              }
            }

            """, json);
    }

    [Fact]
    public void No_registration_no_schema()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CompileWithOptions(Records));
        Assert.DoesNotContain(run.Sources, s => s.Contains(SchemaKey, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_registrations_and_the_schema_cached()
    {
        const string Startup = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration) =>
                    services.AddHyperparameters<Warmup>(configuration.GetSection("Warmup"));
            }
            """;
        var compilation = GeneratorHarness.CompileWithOptions(Records, Startup, "namespace App; public class Other { public int X => 1; }");
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace App; public class Other { public int X => 2; }", GeneratorHarness.ParseOptions, path: "Source2.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var sections = result.TrackedSteps[HyperparametersGenerator.Steps.Sections].SelectMany(s => s.Outputs).ToList();
        var binding = Assert.Single(sections).Value;
        Assert.Equal("SectionBinding { Role = Hyperparameters, Section = Warmup, TypeName = global::App.Warmup, Tuning =  }", binding.ToString());
        Assert.All(sections, o => Assert.True(o.Reason is Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached or Microsoft.CodeAnalysis.IncrementalStepRunReason.Unchanged, $"was {o.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached or Microsoft.CodeAnalysis.IncrementalStepRunReason.Unchanged, $"output was {o.Reason}"));
    }

    private const string SchemaKey = "Dials.ConfigurationSchema";

    /// <summary>The schema JSON the generated assembly attribute carries, read back from the compiled assembly.</summary>
    private static string Schema(params string[] sources)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CompileWithOptions(sources));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        var source = Assert.Single(run.Sources, s => s.Contains(SchemaKey, StringComparison.Ordinal));
        var literal = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseCompilationUnit(source)
            .DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>().Last();
        return literal.Token.ValueText;
    }
}
