using System.IO.Compression;

namespace Dials.Packaging.Tests;

/// <summary>
/// An application that references the packed Dials.Options (and so Dials, with its generator and build targets) gets
/// Dials.ConfigurationSchema.json written next to its appsettings.json by <c>dotnet build</c>, registered for Visual
/// Studio as a JsonSchemaSegment, never copied to the output, and rewritten only when the schema changes.
/// </summary>
[Collection(DotnetBuilds.Name)]
public sealed class ConfigurationSchemaFileTests : IDisposable
{
    private readonly LocalFeed feed = new("dials-schema-");

    [Fact]
    public void Build_writes_the_schema_next_to_appsettings_json_and_only_when_it_changes()
    {
        feed.Pack("src/Dials/Dials.csproj");
        feed.Pack("src/Dials.Options/Dials.Options.csproj");
        using (var zip = ZipFile.OpenRead(Path.Combine(feed.Feed, $"Dials.{feed.Version}.nupkg")))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("build/Dials.targets", entries);
            Assert.Contains("buildTransitive/Dials.targets", entries);
        }

        var consumer = CreateConsumer();
        var schemaFile = Path.Combine(consumer, "Dials.ConfigurationSchema.json");

        var (exit, output) = DotnetCli.Run(consumer, "build");
        Assert.True(exit == 0, output);
        var schema = File.ReadAllText(schemaFile);
        Assert.Contains("\"Model\": {", schema);
        Assert.Contains("\"description\": \"Step size of the optimizer. A number from 0.0001 to 1, searched on a log scale.\"", schema);
        Assert.Contains("\"enum\": [\"auto\", \"tpe\", \"tpe-uni\", \"gp\", \"random\", \"grid\", \"qmc\", \"cmaes\", \"cmaes-ipop\", \"nsga2\"]", schema);
        Assert.Contains("\"description\": \"The study's TOTAL trial budget, counting trials of earlier runs in the storage.\"", schema);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(consumer, "bin"), "*", SearchOption.AllDirectories),
            file => Path.GetFileName(file) == "Dials.ConfigurationSchema.json");

        var (itemExit, items) = DotnetCli.Run(consumer, "msbuild", "-getItem:JsonSchemaSegment", "-nologo");
        Assert.True(itemExit == 0, items);
        Assert.Contains("Dials.ConfigurationSchema.json", items);
        Assert.Contains("\"FilePathPattern\": \"appsettings\\\\..*json\"", items);

        // An unchanged schema leaves the file alone (editors watching it do not reload); a changed one rewrites it.
        var written = File.GetLastWriteTimeUtc(schemaFile);
        File.AppendAllText(Path.Combine(consumer, "Startup.cs"), "\n// an edit that changes no configuration\n");
        (exit, output) = DotnetCli.Run(consumer, "build");
        Assert.True(exit == 0, output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(schemaFile));

        File.WriteAllText(Path.Combine(consumer, "Model.cs"), File.ReadAllText(Path.Combine(consumer, "Model.cs")).Replace("\"a\", \"b\"", "\"a\", \"b\", \"c\""));
        (exit, output) = DotnetCli.Run(consumer, "build");
        Assert.True(exit == 0, output);
        Assert.Contains("\"enum\": [\"a\", \"b\", \"c\"]", File.ReadAllText(schemaFile));
    }

    public void Dispose() => feed.Dispose();

    private string CreateConsumer()
    {
        var consumer = feed.CreateConsumer(package: "Dials.Options", properties: "<ImplicitUsings>enable</ImplicitUsings><TreatWarningsAsErrors>true</TreatWarningsAsErrors>", onlyThisFeed: false);
        File.WriteAllText(Path.Combine(consumer, "appsettings.json"), """
            {
              "$schema": "./Dials.ConfigurationSchema.json",
              "Model": { "LearningRate": 0.01 }
            }
            """);
        File.WriteAllText(Path.Combine(consumer, "Model.cs"), """
            using Dials;

            namespace Consumer;

            /// <summary>The model's settings.</summary>
            [Hyperparameters]
            public partial record Model
            {
                /// <summary>Step size of the optimizer.</summary>
                [FloatRange(1e-4, 1, Log = true)] public double LearningRate { get; init; } = 1e-3;

                [Choice("a", "b")] public string Kind { get; init; } = "a";
            }
            """);
        File.WriteAllText(Path.Combine(consumer, "Startup.cs"), """
            using Dials;
            using Dials.Options;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            namespace Consumer;

            public sealed class Objective : ITrialObjective<Model>
            {
                public ValueTask<double> EvaluateAsync(Model config, Trial trial, CancellationToken cancellationToken) =>
                    ValueTask.FromResult(config.LearningRate);
            }

            public static class Startup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    services.AddHyperparameters<Model>(configuration.GetSection("Model"));
                    services.AddTuning<Model, Objective>(configuration.GetSection("Tuning"));
                }
            }
            """);
        return consumer;
    }
}
